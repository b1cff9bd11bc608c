package org.kith.core.error;

/** The caller may see the thing but may not do this to it. */
public final class Forbidden extends KithException {
    public Forbidden(ErrorCode code, String message) {
        super(code, message, null);
    }

    public Forbidden(ErrorCode code, String message, String field) {
        super(code, message, field);
    }

    @Override
    public Forbidden with(String name, Object value) {
        put(name, value);
        return this;
    }
}
