package org.kith.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One schema; defaults < file < environment < flags; clear errors; exit code 2. */
class ConfigTest {
    @TempDir
    Path dir;

    private static Config load(Map<String, String> env, String... args) {
        return Config.load(args, env);
    }

    @Test
    void defaults() {
        Config c = load(Map.of());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.data()).isEqualTo(Path.of("./data"));
        assertThat(c.db()).isNull();
        assertThat(c.jdbcUrl()).isNull();
        assertThat(c.baseUrl()).isEmpty();
        assertThat(c.argon2MemoryKib()).isEqualTo(19 * 1024);
        assertThat(c.argon2Iterations()).isEqualTo(2);
        assertThat(c.pingSeconds()).isEqualTo(15);
        assertThat(c.registration()).isEqualTo(org.kith.core.SignUpPolicy.OPEN);
    }

    @Test
    void theSignUpPolicyIsOneOfThreeWords() {
        assertThat(load(Map.of(), "--registration", "invite").registration()).isEqualTo(org.kith.core.SignUpPolicy.INVITE);
        assertThat(load(Map.of("KITH_REGISTRATION", "Closed")).registration()).isEqualTo(org.kith.core.SignUpPolicy.CLOSED);
        assertThatThrownBy(() -> load(Map.of(), "--registration", "friends")).isInstanceOf(Config.Invalid.class)
                .hasMessageContaining("--registration").hasMessageContaining("open, invite or closed")
                .hasMessageContaining("friends");
    }

    @Test
    void fileThenEnvironmentThenFlagsEachWin() throws Exception {
        Path file = dir.resolve("kith.properties");
        Files.writeString(file, "# comment\nport = 9000\nhost = 10.0.0.1\nbase-url = https://kith.example.org/\n"
                + "max-members = 50\n", StandardCharsets.UTF_8);
        Config fromFile = load(Map.of(), "--config", file.toString());
        assertThat(fromFile.port()).isEqualTo(9000);
        assertThat(fromFile.host()).isEqualTo("10.0.0.1");
        assertThat(fromFile.baseUrl()).isEqualTo("https://kith.example.org");
        assertThat(fromFile.maxMembers()).isEqualTo(50);

        Map<String, String> env = Map.of("KITH_CONFIG", file.toString(), "KITH_PORT", "9100", "KITH_DATA",
                dir.toString(), "KITH_ARGON2_MEMORY_KIB", "2048");
        Config fromEnv = load(env);
        assertThat(fromEnv.port()).isEqualTo(9100);
        assertThat(fromEnv.host()).isEqualTo("10.0.0.1");
        assertThat(fromEnv.data()).isEqualTo(dir);
        assertThat(fromEnv.argon2MemoryKib()).isEqualTo(2048);

        Config fromFlags = load(env, "--port", "9200", "--host=127.0.0.1");
        assertThat(fromFlags.port()).isEqualTo(9200);
        assertThat(fromFlags.host()).isEqualTo("127.0.0.1");
        assertThat(fromFlags.argon2MemoryKib()).isEqualTo(2048);
    }

    @Test
    void postgresUrlsAreTranslatedTheWayTheStoreDoesIt() {
        Config c = load(Map.of(), "--db", "postgresql://kith@db.internal:5433/kith");
        assertThat(c.db()).isEqualTo("postgresql://kith@db.internal:5433/kith");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/kith?user=kith");
    }

    @Test
    void badValuesAreRefusedNamingTheOption() throws Exception {
        assertThatThrownBy(() -> load(Map.of(), "--port", "70000")).isInstanceOf(Config.Invalid.class)
                .hasMessageContaining("--port").hasMessageContaining("70000");
        assertThatThrownBy(() -> load(Map.of(), "--port", "eighty")).hasMessageContaining("--port");
        assertThatThrownBy(() -> load(Map.of("KITH_PORT", "-1"))).hasMessageContaining("--port");
        assertThatThrownBy(() -> load(Map.of(), "--db", "mysql://x/y")).isInstanceOf(Config.Invalid.class)
                .hasMessageContaining("--db");
        assertThatThrownBy(() -> load(Map.of(), "--db", "postgresql://nohostordb")).hasMessageContaining("--db");
        assertThatThrownBy(() -> load(Map.of(), "--base-url", "kith.example.org")).hasMessageContaining("--base-url");
        assertThatThrownBy(() -> load(Map.of(), "--host", " ")).hasMessageContaining("--host");
        assertThatThrownBy(() -> load(Map.of(), "--colour", "blue")).hasMessageContaining("--colour");
        assertThatThrownBy(() -> load(Map.of(), "--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> load(Map.of(), "8080")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> load(Map.of(), "--argon2-memory-kib", "10")).hasMessageContaining("1024");

        Path notADir = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> load(Map.of(), "--data", notADir.toString())).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> load(Map.of(), "--data", notADir.resolve("below").toString()))
                .hasMessageContaining("cannot be created");
        assertThatThrownBy(() -> load(Map.of(), "--config", dir.resolve("missing.properties").toString()))
                .hasMessageContaining("cannot read the config file");
        Path wrongKey = Files.writeString(dir.resolve("bad.properties"), "prot = 1\n");
        assertThatThrownBy(() -> load(Map.of(), "--config", wrongKey.toString())).hasMessageContaining("prot");
    }

    @Test
    void helpListsEveryOptionFromTheSchema() {
        String help = Config.help();
        for (Config.Option o : Config.OPTIONS) {
            assertThat(help).contains("--" + o.name(), o.envName(), o.help());
        }
        assertThat(help).contains("default 8080");
    }

    @Test
    void mainExitsWith2OnABadConfigurationAnd0ForHelp() throws Exception {
        Process bad = java("--port", "99999");
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--port");

        Process help = java("--help");
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--db");
    }

    @Test
    void mainPrintsTheRealPortAndStopsCleanlyOnSigterm() throws Exception {
        Process p = java("--port", "0", "--host", "127.0.0.1", "--data", dir.resolve("data").toString());
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            // read on another thread so that a server that never says it listens fails at the deadline
            String listening = java.util.concurrent.CompletableFuture.supplyAsync(() -> out.lines()
                    .filter(l -> l.startsWith("Kith listening on")).findFirst().orElse(null)).get(60, TimeUnit.SECONDS);
            assertThat(listening).matches("Kith listening on http://127\\.0\\.0\\.1:\\d+ \\(database: sqlite .*kith\\.db\\)");
            assertThat(listening).doesNotContain(":0 ");
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("a JVM ended by SIGTERM once its shutdown hook closed the server").isEqualTo(143);
        } finally {
            p.destroyForcibly();
        }
    }

    private static Process java(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(java.util.List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    @Test
    void pushOptionsAreCheckedAtStart() {
        assertThatThrownBy(() -> load(Map.of(), "--push-allow-hosts", "10.0.0.0/40")).isInstanceOf(Config.Invalid.class)
                .hasMessageContaining("--push-allow-hosts").hasMessageContaining("10.0.0.0/40");
        assertThatThrownBy(() -> load(Map.of(), "--push-subject", "admin@example.org"))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("--push-subject");
        assertThatThrownBy(() -> load(Map.of(), "--push-ttl-seconds", "-5")).hasMessageContaining("--push-ttl-seconds");
        Config c = load(Map.of("KITH_PUSH_ALLOW_HOSTS", "127.0.0.1,ntfy.lan"), "--push-subject", "mailto:ops@example.org");
        assertThat(c.pushAllowHosts()).isEqualTo("127.0.0.1,ntfy.lan");
        assertThat(c.vapidSubject()).isEqualTo("mailto:ops@example.org");
        assertThat(load(Map.of(), "--base-url", "https://kith.example.org").vapidSubject())
                .isEqualTo("https://kith.example.org");
        assertThat(Config.help()).contains("--push-allow-hosts", "--push-subject", "--push-ttl-seconds", "--push-queue");
    }
}
