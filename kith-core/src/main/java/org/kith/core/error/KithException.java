package org.kith.core.error;

/**
 * The one family of domain errors. Services throw only these; each surface (REST, CardDAV, web,
 * CLI) turns them into its own wire form in a single mapper. Messages are for humans and never
 * contain data the caller may not see.
 */
public abstract sealed class KithException extends RuntimeException
        permits NotFound, Forbidden, Conflict, Invalid, PreconditionFailed, Gone, TooLarge,
                Unauthenticated, Throttled {

    private final String field;

    protected KithException(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The input field that caused the error (for example {@code tel[0].value}), or null. */
    public String field() {
        return field;
    }
}
