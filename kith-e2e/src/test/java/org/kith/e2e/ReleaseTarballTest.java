package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kith.e2e.dav.Vdirsyncer;

/**
 * The release tarball ({@code kith-dist}) unpacked into an empty folder runs with nothing but a
 * Java runtime on the PATH — no Maven, no source checkout: its server starts, its CLI registers
 * and sets a card, and vdirsyncer syncs the card over CardDAV.
 */
class ReleaseTarballTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private Path tmp;
    private Process server;

    @BeforeEach
    void dirs() throws IOException {
        tmp = Files.createTempDirectory("kith-release");
    }

    @AfterEach
    void clean() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theUnpackedReleaseRunsWithOnlyJava() throws Exception {
        Path tarball = Path.of(System.getProperty("kith.release"));
        assertThat(tarball).as("mvn package builds the release").isRegularFile();
        Path unpacked = Files.createDirectories(tmp.resolve("opt"));
        exec(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), null);
        Path release;
        try (var entries = Files.list(unpacked)) {
            release = entries.filter(p -> p.getFileName().toString().startsWith("kith-")).findFirst().orElseThrow();
        }
        assertThat(release.resolve("lib/kith-server.jar")).isRegularFile();
        assertThat(release.resolve("etc/kith.service")).content().contains("DynamicUser=yes")
                .contains("StateDirectory=kith").contains("ProtectSystem=strict");

        // A PATH holding only java: the scripts may use nothing else.
        Path onlyJava = Files.createDirectories(tmp.resolve("only-java"));
        Files.createSymbolicLink(onlyJava.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        String path = onlyJava.toString();

        ProcessBuilder pb = new ProcessBuilder(release.resolve("bin/kith-server").toString(), "--port", "0",
                "--host", "127.0.0.1", "--data", tmp.resolve("data").toString(), "--argon2-memory-kib", "1024",
                "--argon2-iterations", "1").redirectErrorStream(true);
        pb.environment().put("PATH", path);
        pb.environment().remove("JAVA_HOME");
        server = pb.start();
        String url = listeningUrl(server);

        Path home = Files.createDirectories(tmp.resolve("home"));
        List<String> kith = List.of(release.resolve("bin/kith").toString(), "--server", url,
                "--config", home.resolve("kith.json").toString());
        cli(kith, path, "password-123\n", "register", "ann", "--display-name", "Ann Lee", "--password-stdin");
        cli(kith, path, "password-123\n", "login", "ann", "--password-stdin");
        cli(kith, path, null, "card", "set", "--fn", "Ann Lee", "--tel", "cell=13800138000");
        cli(kith, path, null, "group", "create", "Family");
        String created = cli(kith, path, null, "app-password", "create", "laptop");
        String appPassword = created.lines().skip(1).findFirst().orElseThrow().strip();

        Vdirsyncer vdirsyncer = new Vdirsyncer(tmp.resolve("vdirsyncer"), url + "/dav/", "ann", appPassword);
        vdirsyncer.discover().ok();
        vdirsyncer.sync().ok();
        List<String> cards = new ArrayList<>();
        try (var books = Files.list(vdirsyncer.contacts())) {
            for (Path book : books.toList()) {
                for (Path card : Vdirsyncer.files(book)) {
                    cards.add(Vdirsyncer.read(card));
                }
            }
        }
        assertThat(cards).anySatisfy(card -> assertThat(card).contains("FN:Ann Lee").contains("13800138000"));
    }

    private static String listeningUrl(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            } catch (IOException e) {
                // the process ended: reported below
            }
            return null;
        });
        String found = url.get(60, TimeUnit.SECONDS);
        if (found == null) {
            throw new AssertionError("the release's server did not start:\n" + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe flowing
                }
            } catch (IOException ignored) {
                // gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return found;
    }

    private static String cli(List<String> kith, String path, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(kith);
        cmd.addAll(List.of(args));
        return exec(cmd, path, stdin);
    }

    private static String exec(List<String> cmd, String path) throws Exception {
        return exec(cmd, path, null);
    }

    private static String exec(List<String> cmd, String path, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (path != null) {
            pb.environment().put("PATH", path);
            pb.environment().remove("JAVA_HOME");
        }
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }
}
