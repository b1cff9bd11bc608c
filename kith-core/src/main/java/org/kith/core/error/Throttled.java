package org.kith.core.error;

/** Too many failed logins; the caller should wait {@link #retryAfterSeconds()}. */
public final class Throttled extends KithException {
    private final long retryAfterSeconds;

    public Throttled(String message, long retryAfterSeconds) {
        super(message, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
