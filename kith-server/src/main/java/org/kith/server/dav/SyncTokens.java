package org.kith.server.dav;

/**
 * Sync tokens as CardDAV clients see them: a URI (RFC 6578 requires one) around the decimal
 * feed position the core uses. Positions are global, so a token is meaningful in any book.
 */
final class SyncTokens {
    private static final String PREFIX = "urn:x-kith:sync:";

    private SyncTokens() {}

    static String uri(String position) {
        return PREFIX + position;
    }

    /** The feed position in a client's token, or null when it is not a token Kith gave out. */
    static String position(String uri) {
        if (uri == null) {
            return null;
        }
        String t = uri.strip();
        if (!t.startsWith(PREFIX)) {
            return null;
        }
        String digits = t.substring(PREFIX.length());
        return digits.matches("[0-9]{1,18}") ? digits : null;
    }
}
