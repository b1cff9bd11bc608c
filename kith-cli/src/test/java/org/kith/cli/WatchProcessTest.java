package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kith watch} as its own process, the way people and the end-to-end tests run it: each
 * applied change shows on stdout as it is pushed, and SIGTERM ends it cleanly with status 0.
 */
class WatchProcessTest {
    @TempDir Path tmp;
    private final FakeServer server = new FakeServer();
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        server.close();
    }

    @Test
    void logsEachPushedChangeAtOnceAndStopsCleanlyOnSigterm() throws Exception {
        server.json("GET", "/groups", 200, "groups-only-12.json")
                .json("GET", "/groups/12/phonebook", 200, "phonebook-12.json")
                .json("GET", "/groups/12/changes?since=100", 200, "changes-12-since-100-none.json");
        Path config = tmp.resolve("config.json");
        ConfigFile.load(config).saveLogin(server.url(), "bob", "tok", null);
        Path dir = tmp.resolve("contacts");

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-cp", classpath, "org.kith.cli.KithCli", "--config", config.toString(),
                "watch", dir.toString(), "--interval", "1h").start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();

        // printed once the stream is open and the catch-up sync is over
        Wait.until("the watch to connect", Duration.ofSeconds(20),
                () -> lines.stream().anyMatch(l -> l.endsWith(Watcher.READY)));
        assertThat(server.requests("GET", "/groups/12/changes")).as("the catch-up sync").hasSize(1);
        server.push("id: 1\nevent: card\ndata: " + Json.MAPPER.readTree(FakeServer.resource("event-card-updated.json")) + "\n\n");
        // polling every hour, the line can only come from the push; how fast is the benchmark's figure
        Wait.until("the change on stdout", Duration.ofSeconds(10),
                () -> lines.stream().anyMatch(l -> l.contains("updated Alice Wang")));
        assertThat(Files.readString(dir.resolve("12/alice@kith.example.vcf"))).contains("13111111111");

        process.toHandle().destroy(); // SIGTERM; Process.destroy would also close our end of stdout
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        reader.join(2000);
        assertThat(process.exitValue()).isZero();
        assertThat(lines.get(lines.size() - 1)).endsWith(" stopped");
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }
}
