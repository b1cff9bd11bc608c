package org.kith.core;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.kith.core.card.CardRules;
import org.kith.core.feed.ChangeListener;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;

/** What every service shares: the store, the limits, the clock, and publishing after commit. */
final class Services {
    final Store store;
    final Limits limits;
    final Clock clock;
    final CardRules cardRules;

    Services(Store store, Limits limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.cardRules = new CardRules(limits.maxPhotoBytes(), limits.maxCardBytes());
    }

    Instant now() {
        return clock.instant();
    }

    void addListener(ChangeListener listener) {
        store.signal().subscribe(listener);
    }

    <T> T read(Function<StoreTx, T> work) {
        return store.read(work);
    }

    /** A write that touches no change feed (credentials, app passwords). */
    <T> T write(Function<StoreTx, T> work) {
        return store.write(work);
    }

    /**
     * A mutation that others may see: runs in one transaction with a {@link FeedWriter}, and
     * after the commit tells the listeners. Nothing is published if the transaction fails.
     */
    <T> T mutate(BiFunction<StoreTx, FeedWriter, T> work) {
        FeedWriter[] feed = new FeedWriter[1];
        T result = store.write(tx -> {
            feed[0] = new FeedWriter(tx);
            return work.apply(tx, feed[0]);
        });
        ChangeNotice notice = feed[0].notice();
        if (notice != null) {
            publish(notice);
        }
        return result;
    }

    /** Tells every listener of the database, in this process and others, after a commit. */
    void publish(ChangeNotice notice) {
        store.signal().publish(notice);
    }
}
