package org.kith.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one family of domain errors. Services throw only these; each surface (REST, CardDAV, web,
 * CLI) turns them into its own wire form in a single mapper. The class says what kind of
 * refusal it is (and so the HTTP status); the {@link #code()} says exactly what went wrong, for
 * programs and translations; the message says it in English, for humans and logs, and may be
 * reworded freely. Neither message nor arguments ever contain data the caller may not see.
 * An error's arguments are set with {@code with} before it is thrown and not changed after.
 */
public abstract sealed class KithException extends RuntimeException
        permits NotFound, Forbidden, Conflict, Invalid, PreconditionFailed, Gone, TooLarge,
                Unauthenticated, Throttled {

    private final ErrorCode code;
    private final String field;
    private final Map<String, Object> args = new LinkedHashMap<>();

    protected KithException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        if (code == null) {
            throw new IllegalArgumentException("an error needs a code");
        }
        this.code = code;
        this.field = field;
    }

    /** What went wrong, stable across releases. */
    public ErrorCode code() {
        return code;
    }

    /** The input field that caused the error (for example {@code tel[0].value}), or null. */
    public String field() {
        return field;
    }

    /**
     * The arguments named by {@link ErrorCode#args()} (a limit, the offending value), in that
     * order; values are strings or numbers. Every throw sets each argument its code names.
     */
    public Map<String, Object> args() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : code.args()) {
            if (args.containsKey(name)) {
                ordered.put(name, args.get(name));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * Sets argument {@code name}, one of those the code names; each subclass returns itself.
     * @param value a string or a number; null (an input left out) is kept as ""
     * @throws IllegalArgumentException for a name the code does not have, or a value that is
     *     neither a string nor a number (a mistake at the throw site)
     */
    public abstract KithException with(String name, Object value);

    /** Sets an argument; for the subclasses' {@code with}. */
    protected final void put(String name, Object value) {
        if (!code.args().contains(name)) {
            throw new IllegalArgumentException(code + " has no argument '" + name + "'");
        }
        if (value != null && !(value instanceof String || value instanceof Number)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a string or a number");
        }
        args.put(name, value == null ? "" : value); // an input the caller left out echoes as empty
    }
}
