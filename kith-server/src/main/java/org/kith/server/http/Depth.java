package org.kith.server.http;

import java.util.Locale;

/** WebDAV's Depth header (RFC 4918 §10.2): 0, 1 or infinity. */
public enum Depth {
    ZERO, ONE, INFINITY;

    /**
     * @return {@code fallback} when the header is absent
     * @throws HttpError 400 for any other value
     */
    public static Depth parse(String header, Depth fallback) {
        if (header == null) {
            return fallback;
        }
        return switch (header.strip().toLowerCase(Locale.ROOT)) {
            case "0" -> ZERO;
            case "1" -> ONE;
            case "infinity" -> INFINITY;
            default -> throw new HttpError(400, "malformed", "Depth must be 0, 1 or infinity, not '" + header + "'");
        };
    }
}
