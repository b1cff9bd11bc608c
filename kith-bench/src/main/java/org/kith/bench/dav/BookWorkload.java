package org.kith.bench.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.kith.bench.Stats;

/**
 * The lines measured on one personal address book of {@code size} cards: filling it with four
 * connections, listing it (PROPFIND), fetching it (multiget), syncing it from scratch and after
 * 1 and 100 changes, and single GETs. Every answer is checked, so a fast wrong answer fails the run.
 */
final class BookWorkload {
    static final int CONNECTIONS = 4;
    static final int GETS = 2_000;
    static final int FILL_SECONDS = 120;

    private final Target target;
    private final int size;
    private final Rounds rounds;
    private final Table table;
    private final List<String> uids = new ArrayList<>();
    private final List<String> hrefs = new ArrayList<>();
    private final int[] revisions;
    private String book;
    private String token;
    private int nextChange;

    BookWorkload(Target target, int size, Rounds rounds, Table table) {
        this.target = target;
        this.size = size;
        this.rounds = rounds;
        this.table = table;
        this.revisions = new int[size];
    }

    static String label(int size, String line) {
        return String.format("%,d cards: %s", size, line);
    }

    void run() {
        book = target.createBook("bench-" + size);
        for (int i = 0; i < size; i++) {
            String uid = VcardFactory.newUid(i);
            uids.add(uid);
            hrefs.add(book + uid + ".vcf");
        }
        record("bulk PUT, " + CONNECTIONS + " connections", Table.Unit.CARDS_PER_S, bulkPut());
        DavClient dav = target.client();
        String propfind = DavBodies.propfindEtags();
        record("PROPFIND Depth 1", median(rounds.run(() -> { }, () -> expectResponses(
                dav.propfind(book, "1", propfind).expect(207, "PROPFIND"), size + 1, "PROPFIND"))));
        String multiget = DavBodies.multiget(hrefs);
        record("multiget of all", median(rounds.run(() -> { }, () -> expectResponses(
                dav.report(book, multiget).expect(207, "multiget"), size, "multiget"))));
        record("sync-collection, initial", median(rounds.run(() -> { }, () -> {
            DavClient.Reply r = dav.report(book, DavBodies.sync(null)).expect(207, "initial sync");
            expectResponses(r, size, "initial sync");
            token = r.syncToken();
        })));
        record("sync-collection after 1 change", median(incremental(1)));
        record("sync-collection after 100 changes", median(incremental(100)));
        Stats gets = singleGets();
        record("GET one card, p50", gets.p50());
        record("GET one card, p99", gets.p99());
    }

    /**
     * Fills the book by PUT from {@link #CONNECTIONS} threads, for at most {@link #FILL_SECONDS};
     * the cards/s of what was PUT. Cards left when time is up are stored directly where the
     * server allows it (see {@link Target#storeDirectly}); otherwise the run fails.
     */
    private double bulkPut() {
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

    /** Rounds of: {@code changes} cards edited by PUT (untimed), then the sync-collection REPORT (timed). */
    private Stats incremental(int changes) {
        DavClient dav = target.client();
        return rounds.run(() -> {
            for (int c = 0; c < changes; c++) {
                int i = nextChange++ % size;
                revisions[i]++;
                DavClient.Reply r = dav.putCard(hrefs.get(i), VcardFactory.card(uids.get(i), i, revisions[i]), false);
                if (r.status() / 100 != 2) {
                    throw new IllegalStateException("PUT of a change: " + r.status() + " " + r.body());
                }
            }
        }, () -> {
            DavClient.Reply r = dav.report(book, DavBodies.sync(token)).expect(207, "incremental sync");
            expectResponses(r, changes, "sync after " + changes + " changes");
            token = r.syncToken();
        });
    }

    private Stats singleGets() {
        DavClient dav = target.client();
        Random random = new Random(size);
        return rounds.run(GETS / 10, GETS, () -> { }, () -> {
            String href = hrefs.get(random.nextInt(size));
            dav.get(href).expect(200, "GET " + href);
        });
    }

    static void expectResponses(DavClient.Reply r, int wanted, String what) {
        int got = r.responses();
        if (got != wanted) {
            String body = r.body();
            throw new IllegalStateException(what + ": expected " + wanted + " responses, got " + got + ": "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
    }

    private static double median(Stats s) {
        return s.p50();
    }

    private void record(String line, double value) {
        record(line, Table.Unit.MS, value);
    }

    private void record(String line, Table.Unit unit, double value) {
        table.record(label(size, line), unit, target.name(), value);
    }
}
