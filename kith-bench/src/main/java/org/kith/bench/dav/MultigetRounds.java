package org.kith.bench.dav;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.kith.bench.Stats;

/**
 * Rounds of the addressbook-multiget a phone sends after a sync: {@value #HREFS} hrefs of the
 * book, a different random choice each round (chosen untimed), asking for ETags and vCards.
 * Every answer must hold exactly those cards, each found.
 */
final class MultigetRounds {
    static final int HREFS = 100;

    private final DavClient dav;
    private final String book;
    private final List<String> hrefs;
    private final Random random;

    MultigetRounds(DavClient dav, String book, List<String> hrefs, long seed) {
        this.dav = dav;
        this.book = book;
        this.hrefs = hrefs;
        this.random = new Random(seed);
    }

    Stats run(Rounds rounds) {
        String[] body = new String[1];
        return rounds.run(() -> body[0] = DavBodies.multiget(pick()), () -> {
            DavClient.Reply r = dav.report(book, body[0]).expect(207, "multiget of " + HREFS);
            BookWorkload.expectResponses(r, HREFS, "multiget of " + HREFS);
            if (r.body().contains("HTTP/1.1 404")) {
                throw new IllegalStateException("multiget of " + HREFS + " in " + book + ": a card was not found");
            }
        });
    }

    private List<String> pick() {
        List<String> all = new ArrayList<>(hrefs);
        Collections.shuffle(all, random);
        return all.subList(0, Math.min(HREFS, all.size()));
    }
}
