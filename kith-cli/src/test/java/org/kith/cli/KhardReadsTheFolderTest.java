package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** khard, a real vdir reader, lists a synced folder with its odd file names. bin/test installs khard; without it the test fails. */
class KhardReadsTheFolderTest {
    @TempDir Path tmp;
    private final FakeServer server = new FakeServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void khardListsEveryCardOfASyncedGroup() throws Exception {
        assertThat(onPath("khard")).as("khard must be installed (bin/test installs it)").isTrue();
        server.json("GET", "/groups", 200, "groups-only-12.json")
                .json("GET", "/groups/12/phonebook", 200, "phonebook-12.json");
        Path dir = tmp.resolve("contacts");
        ApiClient api = new ApiClient(server.url(), ApiClient.bearer("t"));
        new GroupSyncer(api, dir, SyncState.load(dir, null), new Log(new PrintWriter(new StringWriter()), false), false)
                .syncAll(false);

        Path config = tmp.resolve("khard.conf");
        Files.writeString(config, "[addressbooks]\n[[kith]]\npath = " + dir.resolve("12") + "/\n\n"
                + "[general]\ndebug = no\ndefault_action = list\neditor = true\nmerge_editor = true\n");
        ProcessBuilder pb = new ProcessBuilder("khard", "-c", config.toString(), "list", "--parsable").redirectErrorStream(true);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process khard = pb.start();
        // read aside, so the deadline below holds even if khard never ends
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(khard.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(khard.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String listed = out.get(10, TimeUnit.SECONDS);
        assertThat(khard.exitValue()).as(listed).isZero();
        assertThat(listed).contains("Alice Wang").contains("Bob").contains("陈雪松").contains("Carol Li");
        assertThat(listed.lines().filter(l -> !l.isBlank())).hasSize(4);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
