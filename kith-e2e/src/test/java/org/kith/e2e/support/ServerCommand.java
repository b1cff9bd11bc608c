package org.kith.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of a {@code kith-server} command ({@code backup}, {@code restore}, ...) in its own JVM. */
public final class ServerCommand {
    private ServerCommand() {}

    /** What the command printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {}

    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Java.bin(), "-cp", Java.classpath(), "org.kith.server.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kith-server " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
