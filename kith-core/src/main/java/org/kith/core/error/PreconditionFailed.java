package org.kith.core.error;

/** A compare-and-swap lost: the caller's ETag is stale. */
public final class PreconditionFailed extends KithException {
    public PreconditionFailed(ErrorCode code, String message) {
        super(code, message, null);
    }

    public PreconditionFailed(ErrorCode code, String message, String field) {
        super(code, message, field);
    }

    @Override
    public PreconditionFailed with(String name, Object value) {
        put(name, value);
        return this;
    }
}
