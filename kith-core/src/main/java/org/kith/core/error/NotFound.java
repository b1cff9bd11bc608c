package org.kith.core.error;

/** Something does not exist, or the caller may not know it exists (never 403 for hidden things). */
public final class NotFound extends KithException {
    public NotFound(String message) {
        super(message, null);
    }

    public NotFound(String message, String field) {
        super(message, field);
    }
}
