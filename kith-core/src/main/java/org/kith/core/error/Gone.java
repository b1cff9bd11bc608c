package org.kith.core.error;

/** Something that existed is no longer usable: a too-old sync token, a used-up invitation. */
public final class Gone extends KithException {
    private final boolean resyncRequired;

    private Gone(ErrorCode code, String message, boolean resyncRequired) {
        super(code, message, null);
        this.resyncRequired = resyncRequired;
    }

    /** The client's sync token is unknown or too old; it must fetch everything again. */
    public static Gone resyncRequired(ErrorCode code, String message) {
        return new Gone(code, message, true);
    }

    public static Gone expired(ErrorCode code, String message) {
        return new Gone(code, message, false);
    }

    public boolean resyncRequired() {
        return resyncRequired;
    }

    @Override
    public Gone with(String name, Object value) {
        put(name, value);
        return this;
    }
}
