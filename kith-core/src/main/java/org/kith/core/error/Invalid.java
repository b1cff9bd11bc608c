package org.kith.core.error;

/** Input that is well-formed but not acceptable, or malformed ({@link #malformed()}). */
public final class Invalid extends KithException {
    private final boolean malformed;

    private Invalid(ErrorCode code, String field, String message, boolean malformed) {
        super(code, message, field);
        this.malformed = malformed;
    }

    /** A value that parses but breaks a rule (HTTP 422). */
    public static Invalid value(ErrorCode code, String field, String message) {
        return new Invalid(code, field, message, false);
    }

    /** Input that cannot be parsed at all: broken JSON, vCard or XML (HTTP 400). */
    public static Invalid malformed(ErrorCode code, String field, String message) {
        return new Invalid(code, field, message, true);
    }

    public boolean malformed() {
        return malformed;
    }

    @Override
    public Invalid with(String name, Object value) {
        put(name, value);
        return this;
    }
}
