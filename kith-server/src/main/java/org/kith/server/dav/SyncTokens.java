package org.kith.server.dav;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Sync tokens as CardDAV clients see them: a URI (RFC 6578 requires one) around the decimal
 * feed position the core uses, tagged with the book and viewer it was given for. Positions are
 * global, so without the tag a token of one book would be taken for a state of another, and
 * the client would silently miss that book's earlier cards; with it, such a token is refused.
 */
final class SyncTokens {
    private static final String PREFIX = "urn:x-kith:sync:";

    private SyncTokens() {}

    /** The token of {@code position} in {@code user}'s book {@code bookId}. */
    static String uri(String user, String bookId, String position) {
        return PREFIX + tag(user, bookId) + ":" + position;
    }

    /**
     * The feed position in a client's token, or null when it is not a token Kith gave out for
     * this user's book.
     */
    static String position(String user, String bookId, String uri) {
        if (uri == null) {
            return null;
        }
        String expected = PREFIX + tag(user, bookId) + ":";
        String t = uri.strip();
        if (!t.startsWith(expected)) {
            return null;
        }
        String digits = t.substring(expected.length());
        return digits.matches("[0-9]{1,18}") ? digits : null;
    }

    /** Eight hex digits naming the viewer's book; not a secret, only a guard against mix-ups. */
    private static String tag(String user, String bookId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((user.toLowerCase(Locale.ROOT) + "/" + bookId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
