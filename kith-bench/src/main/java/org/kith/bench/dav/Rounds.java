package org.kith.bench.dav;

import java.util.concurrent.TimeUnit;

import org.kith.bench.Stats;

/**
 * Repeats a measured action: warm-up rounds first (not recorded), then the measured ones. Each
 * round may prepare untimed (for example the changes a sync then reports). Stops the whole run
 * once its deadline has passed, so a slow server cannot keep the benchmark going for hours.
 */
final class Rounds {
    private final int warmup;
    private final int measured;
    private final long deadline;

    Rounds(int warmup, int measured, long runSeconds) {
        this.warmup = warmup;
        this.measured = measured;
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(runSeconds);
    }

    int measured() {
        return measured;
    }

    /** The timings of the measured rounds of {@code timed}, each after an untimed {@code prepare}. */
    Stats run(Runnable prepare, Runnable timed) {
        return run(warmup, measured, prepare, timed);
    }

    Stats run(int warmupRounds, int measuredRounds, Runnable prepare, Runnable timed) {
        long[] nanos = new long[measuredRounds];
        for (int i = -warmupRounds; i < measuredRounds; i++) {
            checkDeadline();
            prepare.run();
            long t0 = System.nanoTime();
            timed.run();
            long elapsed = System.nanoTime() - t0;
            if (i >= 0) {
                nanos[i] = elapsed;
            }
        }
        return Stats.of(nanos);
    }

    void checkDeadline() {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the benchmark ran past its time limit; stopping");
        }
    }
}
