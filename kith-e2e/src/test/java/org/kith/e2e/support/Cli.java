package org.kith.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@code kith} command-line client, run as its own process for one person: each person
 * has their own config file (server, username, token) as they would on their own computer.
 */
public final class Cli {
    private final String server;
    private final Path config;

    public Cli(String server, Path home) throws IOException {
        this.server = server;
        Files.createDirectories(home);
        this.config = home.resolve("kith.json");
    }

    /** The outcome of one command. */
    public record Result(int exitCode, String out, String err) {
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("kith exited " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    /** Runs {@code kith ARGS} with {@code stdin} as standard input (may be null). */
    public Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        Process p = start(args);
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        // read both streams aside, so that the deadline holds even for a command that never ends
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kith " + String.join(" ", args) + " did not finish within 60 s");
        }
        try {
            return new Result(p.exitValue(), new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("reading the output of kith " + String.join(" ", args) + " failed", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /** Starts a long-running command ({@code watch}); the caller reads and ends it. */
    public Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Java.bin(), "-Xmx256m", "-cp", Java.classpath(),
                "org.kith.cli.KithCli", "--server", server, "--config", config.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("KITH_PASSWORD");
        return pb.start();
    }
}
