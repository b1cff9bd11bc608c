package org.kith.server.dav;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.kith.core.model.Username;

/**
 * Sync tokens of one viewer's book as CardDAV clients see them: a URI (RFC 6578 requires one)
 * around the decimal feed position the core uses, tagged with the book and viewer it was given
 * for. Positions are global, so without the tag a token of one book would be taken for a state
 * of another, and the client would silently miss that book's earlier cards; with it, such a
 * token is refused.
 */
final class SyncTokens {
    private static final String PREFIX = "urn:x-kith:sync:";

    private final String bookPrefix;

    private SyncTokens(String bookPrefix) {
        this.bookPrefix = bookPrefix;
    }

    /** The tokens of {@code user}'s book {@code bookId}. */
    static SyncTokens of(String user, String bookId) {
        return new SyncTokens(PREFIX + tag(user, bookId) + ":");
    }

    /** The token of {@code position} in this book. */
    String uri(String position) {
        return bookPrefix + position;
    }

    /**
     * The feed position in a client's token.
     * @throws DavError 403 {@code valid-sync-token} when it is not a token Kith gave out for this book
     */
    String position(String uri) {
        String t = uri == null ? "" : uri.strip();
        String digits = t.startsWith(bookPrefix) ? t.substring(bookPrefix.length()) : "";
        if (!digits.matches("[0-9]{1,18}")) {
            throw DavError.forbidden(DavNames.VALID_SYNC_TOKEN, "this sync token was not issued here; sync again without one");
        }
        return digits;
    }

    /** Eight hex digits naming the viewer's book; not a secret, only a guard against mix-ups. */
    private static String tag(String user, String bookId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((Username.of(user).key() + "/" + bookId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
