package org.kith.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Where register and login get a password: --password-stdin, then $KITH_PASSWORD, then a prompt. */
final class Passwords {
    private Passwords() {}

    static String read(Io io, boolean fromStdin, boolean confirm) {
        if (fromStdin) {
            String line = firstLine(io);
            if (line == null || line.isEmpty()) {
                throw CliError.usage("--password-stdin: no password on standard input");
            }
            return line;
        }
        String env = io.env("KITH_PASSWORD");
        if (env != null) {
            return env;
        }
        Console console = io.interactive() ? System.console() : null;
        if (console == null) {
            throw CliError.usage("no password: use --password-stdin or set KITH_PASSWORD");
        }
        char[] first = console.readPassword("Password: ");
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
