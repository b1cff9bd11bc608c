package org.kith.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Throttled;
import org.kith.core.model.Username;

/**
 * Slows down password guessing: after too many failures for one username, or from one client
 * address, within a window, further attempts are refused until the oldest failure leaves the
 * window. Shared by every surface (REST, CardDAV, web). In memory, per server process.
 * Thread-safe.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final Duration window;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int maxPerUser, int maxPerAddress) {
        this.clock = clock;
        this.window = window;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
    }

    /** Throws {@link Throttled} if this username or address must wait. */
    public void check(String username, String address) {
        check("u:" + Username.of(username).key(), maxPerUser);
        if (address != null) {
            check("a:" + address, maxPerAddress);
        }
    }

    public void failed(String username, String address) {
        record("u:" + Username.of(username).key());
        if (address != null) {
            record("a:" + address);
        }
    }

    public void succeeded(String username) {
        failures.remove("u:" + Username.of(username).key());
    }

    private void check(String key, int max) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return;
        }
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            if (times.size() >= max) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
                throw new Throttled(ErrorCode.LOGIN_THROTTLED,
                        "too many failed logins; try again in " + wait + " seconds", wait).with("seconds", wait);
            }
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            times.addLast(now);
        }
        if (failures.size() > 100_000) {
            failures.clear(); // bounded memory under a spray of random usernames
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }
}
