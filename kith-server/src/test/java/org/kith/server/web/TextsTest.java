package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class TextsTest {
    private static final Texts EN = Texts.of("en");
    private static final Texts ZH = Texts.of("zh");

    @Test
    void everyEnglishTextHasAChineseOne() {
        Set<String> missing = new HashSet<>(EN.keys());
        missing.removeAll(ZH.keys());
        assertThat(missing).isEmpty();
        // Chinese may add translations of the services' field errors, which English takes from the services.
        assertThat(ZH.keys().stream().filter(k -> !EN.has(k))).allMatch(k -> k.startsWith("err."));
    }

    @Test
    void everyTextThePagesAskForExists() throws IOException {
        Pattern call = Pattern.compile("\\.t\\(\"([a-zA-Z.]+)\"");
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/kith/server/web"))) {
            for (Path f : files.toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(k -> !EN.has(k) || !ZH.has(k)).toList()).isEmpty();
    }

    @Test
    void languageIsTheVisitorsChoiceElseTheirBrowsersElseEnglish() {
        assertThat(Texts.choose("zh", "en-US")).isEqualTo("zh");
        assertThat(Texts.choose(null, "zh-CN,zh;q=0.9")).isEqualTo("zh");
        assertThat(Texts.choose(null, "zh-TW")).isEqualTo("zh");
        assertThat(Texts.choose(null, "fr;q=1, en;q=0.5")).isEqualTo("en");
        assertThat(Texts.choose(null, "de")).isEqualTo("en");
        assertThat(Texts.choose("xx", "garbage;;;q=abc")).isEqualTo("en");
        assertThat(Texts.choose(null, null)).isEqualTo("en");
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(ZH.t("join.title", "大学同学")).isEqualTo("加入「大学同学」？");
        assertThat(EN.t("groups.count", 2, 50)).isEqualTo("2 of 50 members");
    }
}
