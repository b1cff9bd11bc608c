package org.kith.core.error;

/** Too many failed logins; the caller should wait {@link #retryAfterSeconds()}. */
public final class Throttled extends KithException {
    private final long retryAfterSeconds;

    public Throttled(ErrorCode code, String message, long retryAfterSeconds) {
        super(code, message, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Throttled with(String name, Object value) {
        put(name, value);
        return this;
    }
}
