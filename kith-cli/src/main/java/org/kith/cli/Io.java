package org.kith.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command may touch of its surroundings: standard streams, the environment, and whether a
 * person sits at a terminal. Tests pass their own; {@link #system()} is the real one.
 */
record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {

    /** The process's streams, always UTF-8 whatever the locale (Java 17 would follow the locale). */
    static Io system() {
        PrintWriter out = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8), true);
        return new Io(System.in, out, err, System.getenv(), System.console() != null);
    }

    String env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
