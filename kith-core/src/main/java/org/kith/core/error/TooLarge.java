package org.kith.core.error;

/** A body, photo or other input is over its size limit. */
public final class TooLarge extends KithException {
    public TooLarge(String message) {
        super(message, null);
    }

    public TooLarge(String message, String field) {
        super(message, field);
    }
}
