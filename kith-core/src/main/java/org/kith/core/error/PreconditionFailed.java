package org.kith.core.error;

/** A compare-and-swap lost: the caller's ETag is stale. */
public final class PreconditionFailed extends KithException {
    public PreconditionFailed(String message) {
        super(message, null);
    }

    public PreconditionFailed(String message, String field) {
        super(message, field);
    }
}
