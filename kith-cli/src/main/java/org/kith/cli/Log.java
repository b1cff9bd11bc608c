package org.kith.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Timestamps for the lines sync and watch print. */
final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Log() {}

    static String now() {
        return LocalTime.now().format(TIME);
    }
}
