package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * litmus (the WebDAV test suite, Debian package) runs its {@code props} suite in a personal
 * book: pointed at the home, it makes the book {@code litmus/} by MKCOL, PUTs its test file
 * there (here a vCard without UID, which each PUT may store as a new card), then sets, reads,
 * replaces and removes dead properties in many namespaces, moves the card and checks its
 * properties went along. Every test must pass.
 */
class LitmusTest extends DavSuite {
    private static final Pattern SUMMARY = Pattern.compile("summary for `props': of (\\d+) tests run: (\\d+) passed, "
            + "(\\d+) failed");

    @Test
    void litmusPropsPassesOnAPersonalBook() throws Exception {
        Path dir = Files.createTempDirectory("kith-litmus");
        try {
            runLitmus(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void runLitmus(Path dir) throws Exception {
        Person owner = person("litmus", "Litmus");
        Path htdocs = Files.createDirectories(dir.resolve("htdocs"));
        Files.writeString(htdocs.resolve("foo"), "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Litmus Test File\r\n"
                + "N:File;Litmus Test;;;\r\nNOTE:uploaded by litmus\r\nEND:VCARD\r\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("litmus", base() + owner.home(), owner.username(), owner.password())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("TESTS", "props");
        pb.environment().put("HTDOCS", htdocs.toString());
        Process p = pb.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "reading litmus' output failed: " + e;
            }
        });
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("litmus did not finish within 180 s");
        }
        String out = output.get(10, TimeUnit.SECONDS);
        Matcher m = SUMMARY.matcher(out);
        assertThat(m.find()).as("litmus summary in:\n" + out).isTrue();
        assertThat(m.group(3)).as(out).isEqualTo("0");
        assertThat(m.group(2)).as("every test ran and passed, none skipped:\n" + out).isEqualTo(m.group(1));
        assertThat(p.exitValue()).as(out).isZero();
        // it ran inside a personal book of the owner's home
        assertThat(bookProps(owner, owner.home() + "litmus/").hasResourceType(Ns.CARDDAV, "addressbook")).isTrue();
    }
}
