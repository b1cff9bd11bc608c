package org.kith.core.error;

/** The request clashes with the current state (taken username, member limit reached, duplicate uid). */
public final class Conflict extends KithException {
    public Conflict(String message) {
        super(message, null);
    }

    public Conflict(String message, String field) {
        super(message, field);
    }
}
