package org.kith.core.error;

/** A body, photo or other input is over its size limit. */
public final class TooLarge extends KithException {
    public TooLarge(ErrorCode code, String message) {
        super(code, message, null);
    }

    public TooLarge(ErrorCode code, String message, String field) {
        super(code, message, field);
    }

    @Override
    public TooLarge with(String name, Object value) {
        put(name, value);
        return this;
    }
}
