package org.kith.core.error;

/** The caller may see the thing but may not do this to it. */
public final class Forbidden extends KithException {
    public Forbidden(String message) {
        super(message, null);
    }

    public Forbidden(String message, String field) {
        super(message, field);
    }
}
