package org.kith.e2e.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something a user would see, with a deadline, polling often. */
public final class Waits {
    private Waits() {}

    /** Waits until {@code condition} holds; returns how long it took, or fails naming {@code what}. */
    public static Duration until(String what, Duration deadline, BooleanSupplier condition) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
