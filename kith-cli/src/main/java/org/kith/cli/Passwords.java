package org.kith.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Where register and login get a password: --password-stdin, then $KITH_PASSWORD, then a prompt. */
final class Passwords {
    private Passwords() {}

    static String read(Io io, boolean fromStdin, boolean confirm) {
        return read(io, fromStdin, confirm, "KITH_PASSWORD", "Password: ");
    }

    /**
     * One password: the next line of standard input, else the environment variable {@code env},
     * else a prompt (asked twice when {@code confirm}).
     */
    static String read(Io io, boolean fromStdin, boolean confirm, String env, String prompt) {
        if (fromStdin) {
            String line = firstLine(io);
            if (line == null || line.isEmpty()) {
                throw CliError.usage("--password-stdin: no " + prompt.replace(": ", "").toLowerCase(java.util.Locale.ROOT) + " on standard input");
            }
            return line;
        }
        String fromEnv = io.env(env);
        if (fromEnv != null) {
            return fromEnv;
        }
        Console console = io.interactive() ? System.console() : null;
        if (console == null) {
            throw CliError.usage("no password: use --password-stdin or set " + env);
        }
        char[] first = console.readPassword(prompt);
        if (first == null || first.length == 0) {
            throw CliError.usage("no password given");
        }
        if (confirm && !new String(first).equals(new String(console.readPassword("Password again: ")))) {
            throw CliError.usage("the two passwords differ");
        }
        return new String(first);
    }

    /** One line, read byte by byte so nothing after it is consumed; CR LF and LF both end it. */
    private static String firstLine(Io io) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = io.in().read()) != -1 && b != '\n') {
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            throw CliError.failed("cannot read standard input: " + ApiClient.reason(e));
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
