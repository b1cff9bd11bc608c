package org.kith.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.kith.core.error.Throttled;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void aUsernameIsRefusedAfterTooManyFailuresUntilTheWindowPasses() {
        HandClock clock = new HandClock();
        LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 100);
        for (int i = 0; i < 3; i++) {
            throttle.check("Ann", "10.0.0.1");
            throttle.failed("ann", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.check("ANN", "10.0.0.2")).isInstanceOf(Throttled.class)
                .satisfies(e -> assertThat(((Throttled) e).retryAfterSeconds()).isBetween(1L, 900L));
        throttle.check("bob", "10.0.0.2"); // others are not affected

        clock.now = clock.now.plus(Duration.ofMinutes(16));
        throttle.check("ann", "10.0.0.1");
    }

    @Test
    void oneAddressSprayingManyUsernamesIsRefusedToo() {
        LoginThrottle throttle = new LoginThrottle(new HandClock(), Duration.ofMinutes(15), 100, 5);
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertThatThrownBy(() -> throttle.check("fresh", "10.9.9.9")).isInstanceOf(Throttled.class);
    }

    @Test
    void argon2idHashesVerifyOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher(1024, 1);
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct hors", hash)).isFalse();
        assertThat(hasher.verify("x", "plain")).isFalse();
    }
}
