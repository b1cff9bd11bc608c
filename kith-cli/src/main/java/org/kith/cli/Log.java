package org.kith.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Progress lines of sync and watch. Each line is flushed at once, because whoever reads our
 * stdout (a test, a log collector) must see a change as soon as it is applied. Thread-safe.
 */
final class Log {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final PrintWriter out;
    private final boolean timestamps;

    Log(PrintWriter out, boolean timestamps) {
        this.out = out;
        this.timestamps = timestamps;
    }

    synchronized void line(String text) {
        out.println(timestamps ? LocalDateTime.now().format(STAMP) + " " + text : text);
        out.flush();
    }
}
