package org.kith.core.error;

/** Missing or wrong credentials. */
public final class Unauthenticated extends KithException {
    public Unauthenticated(ErrorCode code, String message) {
        super(code, message, null);
    }

    public Unauthenticated(ErrorCode code, String message, String field) {
        super(code, message, field);
    }

    @Override
    public Unauthenticated with(String name, Object value) {
        put(name, value);
        return this;
    }
}
