package org.kith.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses intervals such as 500ms, 30s, 15m, 1h (a bare number is seconds). */
final class Durations {
    private static final Pattern FORMAT = Pattern.compile("^(\\d+)(ms|s|m|h)?$");

    private Durations() {}

    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new CliError(CliError.USAGE, "'" + text + "' is not a duration; use e.g. 30s, 15m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new CliError(CliError.USAGE, "the interval must be more than zero");
        }
        return d;
    }
}
