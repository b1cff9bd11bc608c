package org.kith.core.error;

/** Something that existed is no longer usable: a too-old sync token, a used-up invitation. */
public final class Gone extends KithException {
    private final boolean resyncRequired;

    private Gone(String message, boolean resyncRequired) {
        super(message, null);
        this.resyncRequired = resyncRequired;
    }

    /** The client's sync token is unknown or too old; it must fetch everything again. */
    public static Gone resyncRequired(String message) {
        return new Gone(message, true);
    }

    public static Gone expired(String message) {
        return new Gone(message, false);
    }

    public boolean resyncRequired() {
        return resyncRequired;
    }
}
