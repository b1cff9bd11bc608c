package org.kith.bench.dav;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The addressbook-multiget a phone sends after a sync: {@value #HREFS} hrefs of one book, a
 * different random choice each time (chosen untimed), asking for ETags and vCards. Every
 * answer must hold exactly those cards, each found.
 */
final class MultigetRounds {
    static final int HREFS = 100;

    private final DavClient dav;
    private final String book;
    private final List<String> hrefs;
    private final Random random;
    private final List<String> unused;
    private String body;

    MultigetRounds(DavClient dav, String book, List<String> hrefs, long seed) {
        this.dav = dav;
        this.book = book;
        this.hrefs = hrefs;
        this.random = new Random(seed);
        this.unused = new ArrayList<>(hrefs);
        Collections.shuffle(unused, random);
    }

    /** Rounds of {@link #prepare} (untimed) then {@link #send} (timed). */
    org.kith.bench.Stats run(Rounds rounds) {
        return rounds.run(this::prepare, this::send);
    }

    /** Chooses the hrefs of the next request. */
    void prepare() {
        List<String> all = new ArrayList<>(hrefs);
        Collections.shuffle(all, random);
        body = DavBodies.multiget(all.subList(0, Math.min(HREFS, all.size())));
    }

    /** Chooses hrefs no request of this line has asked for yet: cards Kith has not rendered (cold). */
    void prepareUnseen() {
        if (unused.size() < HREFS) {
            throw new IllegalStateException(book + ": fewer than " + HREFS + " cards left that were never asked for");
        }
        List<String> next = new ArrayList<>(unused.subList(unused.size() - HREFS, unused.size()));
        unused.subList(unused.size() - HREFS, unused.size()).clear();
        body = DavBodies.multiget(next);
    }

    /** Asks once for every card of the book (in multigets of 1,000), so every card is rendered and cached. */
    void fetchAll() {
        for (int i = 0; i < hrefs.size(); i += 1_000) {
            List<String> chunk = hrefs.subList(i, Math.min(hrefs.size(), i + 1_000));
            BookWorkload.expectResponses(dav.report(book, DavBodies.multiget(chunk)).expect(207, "multiget of all"),
                    chunk.size(), "multiget of " + book);
        }
        unused.clear();
    }

    /** Sends the prepared request and checks the answer. */
    void send() {
        DavClient.Reply r = dav.report(book, body).expect(207, "multiget of " + HREFS);
        BookWorkload.expectResponses(r, HREFS, "multiget of " + HREFS);
        if (r.body().contains("HTTP/1.1 404")) {
            throw new IllegalStateException("multiget of " + HREFS + " in " + book + ": a card was not found");
        }
    }
}
