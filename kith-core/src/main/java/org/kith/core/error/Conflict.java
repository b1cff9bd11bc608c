package org.kith.core.error;

/** The request clashes with the current state (taken username, member limit reached, duplicate uid). */
public final class Conflict extends KithException {
    public Conflict(ErrorCode code, String message) {
        super(code, message, null);
    }

    public Conflict(ErrorCode code, String message, String field) {
        super(code, message, field);
    }

    @Override
    public Conflict with(String name, Object value) {
        put(name, value);
        return this;
    }
}
