package org.kith.bench.dav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Radicale as a child process with its own configuration in a temporary directory:
 * file-system storage there, {@code [auth] type = none} (any Basic credentials are accepted and
 * name the user), owner-only rights, a free loopback port, warnings-only logging. Killed and its
 * data removed on {@link #close()} and, should the JVM end first (Ctrl-C), by a shutdown hook.
 */
final class RadicaleTarget implements Target {
    static final Path EXECUTABLE = Path.of("/usr/bin/radicale");

    private final Path dir;
    private final Process process;
    private final Thread killer;
    private final DavClient client;
    private final String version;

    private RadicaleTarget(Path dir, Process process, Thread killer, int port, String version) {
        this.dir = dir;
        this.process = process;
        this.killer = killer;
        this.client = new DavClient("127.0.0.1", port, USER, PASSWORD);
        this.version = version;
    }

    static RadicaleTarget start() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install -y radicale");
        }
        Path dir = TempDirs.create("radicale-bench");
        Process process = null;
        Thread killer = null;
        try {
            int port = freePort();
            Path config = dir.resolve("config");
            Files.writeString(config, """
                    [server]
                    hosts = 127.0.0.1:%d
                    max_connections = 8
                    [auth]
                    type = none
                    [rights]
                    type = owner_only
                    [storage]
                    filesystem_folder = %s
                    [web]
                    type = none
                    [logging]
                    level = warning
                    """.formatted(port, dir.resolve("collections")), StandardCharsets.UTF_8);
            process = new ProcessBuilder(EXECUTABLE.toString(), "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("radicale.log").toFile()).start();
            Process started = process;
            killer = new Thread(() -> {
                kill(started);
                TempDirs.delete(dir);
            }, "radicale-killer");
            Runtime.getRuntime().addShutdownHook(killer);
            RadicaleTarget target = new RadicaleTarget(dir, process, killer, port, installedVersion());
            target.awaitReady();
            return target;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                kill(process);
                Runtime.getRuntime().removeShutdownHook(killer);
            }
            String log = readLog(dir);
            TempDirs.delete(dir);
            throw new IllegalStateException("Radicale did not start: " + e + "\n" + log, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Radicale exited with " + process.exitValue());
            }
            try {
                client.send("OPTIONS", "/", null);
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Radicale did not answer within 30 s", e);
                }
                sleep(100);
            }
        }
    }

    @Override
    public String name() {
        return "Radicale";
    }

    String version() {
        return version;
    }

    @Override
    public DavClient client() {
        return client;
    }

    @Override
    public String homePath() {
        return "/" + USER + "/";
    }

    /**
     * Radicale's PUT checks the new card's UID against every card of the book, under one global
     * write lock, so filling a 10,000-card book by PUT takes the better part of an hour. The rest
     * of a book is written as files into its storage folder instead, as an import by copying
     * .vcf files would (Radicale reads the folder on each request and builds its cache lazily).
     */
    @Override
    public boolean storeDirectly(String bookPath, String name, String vcard) {
        Path folder = dir.resolve("collections").resolve("collection-root").resolve(bookPath.substring(1));
        try {
            Files.writeString(folder.resolve(name), vcard, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        kill(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
        TempDirs.delete(dir);
    }

    private static void kill(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String installedVersion() throws IOException {
        Process p = new ProcessBuilder(EXECUTABLE.toString(), "--version").redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String readLog(Path dir) {
        try {
            Path log = dir.resolve("radicale.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
