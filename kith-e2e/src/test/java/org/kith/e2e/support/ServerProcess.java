package org.kith.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kith server in its own JVM, started the way a user starts it (the server's main class with
 * flags), on a random port. Its output is kept for diagnosis.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;
    private final StringBuffer output = new StringBuffer();

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts a server on SQLite under {@code dataDir}, or on PostgreSQL when {@code dbUrl} is set. */
    public static ServerProcess start(Path dataDir, String dbUrl, String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Java.bin(), "-Xmx512m", "-cp", Java.classpath(),
                "org.kith.server.Main", "--port", "0", "--host", "127.0.0.1", "--data", dataDir.toString(),
                "--argon2-memory-kib", "1024", "--argon2-iterations", "1"));
        if (dbUrl != null) {
            cmd.addAll(List.of("--db", dbUrl));
        }
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder early = new StringBuilder();
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    early.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            } catch (IOException e) {
                // fall through: the process ended
            }
            return null;
        });
        String base;
        try {
            base = url.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            base = null;
        }
        if (base == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the server did not start:\n" + early);
        }
        ServerProcess server = new ServerProcess(p, base.replace("0.0.0.0", "127.0.0.1"));
        server.output.append(early);
        Thread drain = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    server.output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "server-output");
        drain.setDaemon(true);
        drain.start();
        return server;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String output() {
        return output.toString();
    }

    /** Waits until the server has printed {@code text} (a readiness line of its log). */
    public void awaitOutput(String text, Duration deadline) {
        Waits.until("the server to print '" + text + "'", deadline, () -> output.indexOf(text) >= 0);
    }

    /** Ends the server like a crash would (kill -9). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }
}
