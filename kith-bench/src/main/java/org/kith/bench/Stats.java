package org.kith.bench;

import java.util.Arrays;

/** Percentiles of a set of timings, in milliseconds. */
public record Stats(double p50, double p90, double p99, double max, int n) {
    public static Stats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)", p50, p90, p99, max, n);
    }
}
