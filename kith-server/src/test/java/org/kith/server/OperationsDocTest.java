package org.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/OPERATIONS.md lists every server option exactly as the schema defines it. When an option
 * is added or changed, run this test with {@code -Dkith.updateDocs=true} to rewrite the table.
 */
class OperationsDocTest {
    private static final String BEGIN = "<!-- options: generated from Config.OPTIONS by OperationsDocTest -->\n";
    private static final String END = "<!-- options end -->";

    @Test
    void theOptionsTableIsTheSchema() throws Exception {
        Path doc = Path.of("..", "docs", "OPERATIONS.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("OPERATIONS.md has the generated options block").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = text.substring(begin + BEGIN.length(), end);
        String expected = Config.optionsTable();
        if (!table.equals(expected) && Boolean.getBoolean("kith.updateDocs")) {
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(table).as("docs/OPERATIONS.md options table (rerun with -Dkith.updateDocs=true)").isEqualTo(expected);
    }

    @Test
    void everyOptionIsInHelp() {
        String help = Config.help();
        for (Config.Option o : Config.OPTIONS) {
            assertThat(help).contains("--" + o.name() + " <").contains(o.envName());
        }
    }
}
