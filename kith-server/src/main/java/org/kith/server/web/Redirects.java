package org.kith.server.web;

/** Where a visitor may be sent back to: only pages of this UI, never another site. */
final class Redirects {
    static final String HOME = "/web/groups";

    private Redirects() {}

    /** {@code next} when it is a path of this UI, else {@code fallback}. */
    static String safe(String next, String fallback) {
        if (next == null || next.length() > 500 || !(next.startsWith("/web/") || next.startsWith("/join/"))
                || next.contains("//") || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return fallback;
        }
        return next;
    }
}
