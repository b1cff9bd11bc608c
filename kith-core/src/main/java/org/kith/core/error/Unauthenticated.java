package org.kith.core.error;

/** Missing or wrong credentials. */
public final class Unauthenticated extends KithException {
    public Unauthenticated(String message) {
        super(message, null);
    }

    public Unauthenticated(String message, String field) {
        super(message, field);
    }
}
