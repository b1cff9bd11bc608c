package org.kith.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as pages show them: UTC, to the minute, the same in every language. */
final class Dates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Dates() {}

    static String format(Instant t) {
        return t == null ? "—" : FORMAT.format(t);
    }
}
