package org.kith.core.error;

/** Something does not exist, or the caller may not know it exists (never 403 for hidden things). */
public final class NotFound extends KithException {
    public NotFound(ErrorCode code, String message) {
        super(code, message, null);
    }

    public NotFound(ErrorCode code, String message, String field) {
        super(code, message, field);
    }

    @Override
    public NotFound with(String name, Object value) {
        put(name, value);
        return this;
    }
}
