package org.kith.server.http;

/** Server-sent events' Last-Event-ID: the feed position a reconnecting stream resumes after. */
public final class LastEventId {
    private LastEventId() {}

    /** The position, or null to start now. Garbage is a position no feed has: it gets a resync. */
    public static Long parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        return v.length() > 18 || !v.chars().allMatch(Character::isDigit) ? Long.MAX_VALUE : Long.parseLong(v);
    }
}
