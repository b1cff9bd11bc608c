package org.kith.server.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for things that happen on other threads. */
public final class Waits {
    private Waits() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}
