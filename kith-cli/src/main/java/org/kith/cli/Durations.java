package org.kith.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * Reads intervals such as {@code 30s}, {@code 15m}, {@code 1h} or {@code 1h30m} (units ms, s, m, h,
 * d; a bare number means seconds). At least one second, so nobody polls a server by accident.
 */
final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+|\\d+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    static Duration parse(String text) {
        String s = text == null ? "" : text.strip();
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 30s, 15m or 1h");
        }
        Duration total = Duration.ZERO;
        try {
            if (s.chars().allMatch(Character::isDigit)) {
                total = Duration.ofSeconds(Long.parseLong(s));
            } else {
                Matcher m = PART.matcher(s);
                while (m.find()) {
                    total = total.plus(unit(Long.parseLong(m.group(1)), m.group(2)));
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        if (total.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("'" + text + "' is too short; the least is 1s");
        }
        return total;
    }

    /** Prints a duration the way it is typed: 15m, 1h30m, 45s. */
    static String format(Duration d) {
        if (d.toMillis() % 1000 != 0 && d.toSeconds() < 60) {
            return d.toMillis() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long s = d.toSeconds();
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            sb.append(s % 3600 / 60).append('m');
        }
        if (s % 60 != 0 || sb.length() == 0) {
            sb.append(s % 60).append('s');
        }
        return sb.toString();
    }

    private static Duration unit(long n, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Lets picocli turn a bad --interval into a usage error (exit code 2). */
    static final class Converter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
