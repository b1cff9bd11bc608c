package org.kith.server.webpush;

/**
 * A push registration that is refused as it stands: a push resource Kith will not send to, keys
 * that are not keys, or more registrations than one account may hold. The message says what is
 * wrong; nothing was stored.
 */
public final class InvalidSubscription extends RuntimeException {
    public InvalidSubscription(String message) {
        super(message, null, false, false);
    }
}
