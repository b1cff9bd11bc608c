package org.kith.bench.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kith.bench.Stats;

/**
 * The lines measured on one personal address book of {@code size} cards: filling it with four
 * connections, listing it (PROPFIND), fetching it (multiget of every card, and of 100 as phones
 * send after a sync), syncing it from scratch and after 1 and 100 changes, and single GETs. Every answer is checked, so a fast wrong answer fails the run.
 */
final class BookWorkload {
    static final int GETS = 2_000;

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
        record("bulk PUT, " + BulkPut.CONNECTIONS + " connections", Table.Unit.CARDS_PER_S,
                new BulkPut(target, book, uids, hrefs).run());
        DavClient dav = target.client();
        String propfind = DavBodies.propfindEtags();
        record("PROPFIND Depth 1", median(rounds.run(() -> { }, () -> expectResponses(
                dav.propfind(book, "1", propfind).expect(207, "PROPFIND"), size + 1, "PROPFIND"))));
        String multiget = DavBodies.multiget(hrefs);
        record("multiget of all", median(rounds.run(() -> { }, () -> expectResponses(
                dav.report(book, multiget).expect(207, "multiget"), size, "multiget"))));
        record("multiget of " + MultigetRounds.HREFS + " hrefs", median(new MultigetRounds(dav, book, hrefs, size).run(rounds)));
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
