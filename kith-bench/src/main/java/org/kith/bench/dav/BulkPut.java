package org.kith.bench.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills a book by PUT from {@link #CONNECTIONS} threads, for at most {@link #FILL_SECONDS}. Cards
 * left when time is up are stored directly where the server allows it (see
 * {@link Target#storeDirectly}); otherwise the run fails.
 */
final class BulkPut {
    static final int CONNECTIONS = 4;
    static final int FILL_SECONDS = 120;

    private final Target target;
    private final String book;
    private final List<String> uids;
    private final List<String> hrefs;

    BulkPut(Target target, String book, List<String> uids, List<String> hrefs) {
        this.target = target;
        this.book = book;
        this.uids = uids;
        this.hrefs = hrefs;
    }

    /** The cards/s of what was PUT. */
    double run() {
        int size = hrefs.size();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        long t0 = System.nanoTime();
        long until = t0 + TimeUnit.SECONDS.toNanos(FILL_SECONDS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONNECTIONS; w++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        int i = next.getAndIncrement();
                        if (i >= size) {
                            break;
                        }
                        target.client().putCard(hrefs.get(i), VcardFactory.card(uids.get(i), i, 0), true)
                                .expect(201, "PUT " + hrefs.get(i));
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("bulk PUT failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        double rate = done.get() / ((System.nanoTime() - t0) / 1e9);
        if (done.get() < size) {
            System.out.printf("  %s: %,d of %,d cards by PUT within %d s; the other %,d written into its storage%n",
                    target.name(), done.get(), size, FILL_SECONDS, size - done.get());
            for (int i = done.get(); i < size; i++) {
                if (!target.storeDirectly(book, uids.get(i) + ".vcf", VcardFactory.card(uids.get(i), i, 0))) {
                    throw new IllegalStateException(target.name() + " filled only " + done.get() + " cards in "
                            + FILL_SECONDS + " s");
                }
            }
        }
        return rate;
    }
}
