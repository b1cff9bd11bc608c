package org.kith.core.feed;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Gone;

/** A feed position as clients see it: an opaque string. Today it is the decimal position. */
public final class SyncToken {
    private SyncToken() {}

    public static String format(long seq) {
        return Long.toString(seq);
    }

    /** Parses a token, or throws {@link Gone#resyncRequired} for anything that is not one. */
    public static long parse(String token) {
        if (token == null || token.isEmpty() || token.length() > 19) {
            throw Gone.resyncRequired(ErrorCode.SYNC_TOKEN_INVALID, "unknown sync token; a full resync is needed");
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                throw Gone.resyncRequired(ErrorCode.SYNC_TOKEN_INVALID, "unknown sync token; a full resync is needed");
            }
        }
        return Long.parseLong(token);
    }
}
