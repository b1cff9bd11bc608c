package org.kith.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs another program (khard, vdirsyncer) to its end, or fails once its deadline has passed. */
public final class Program {
    private Program() {}

    /** What the program printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {}

    /** Starts {@code pb} with stderr merged into stdout, writes {@code stdin} (may be null), waits for the end. */
    public static Result run(ProcessBuilder pb, String stdin, Duration deadline) {
        String what = String.join(" ", pb.command());
        try {
            Process p = pb.redirectErrorStream(true).start();
            // read aside: a program that never ends must not hold the test past its deadline
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(what + " did not finish within " + deadline.toSeconds() + " s");
            }
            return new Result(p.exitValue(), new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("reading the output of " + what + " failed", e);
        }
    }
}
