package org.kith.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.kith.core.card.CardRules;
import org.kith.core.feed.ChangeListener;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every service shares: the store, the limits, the clock, and publishing after commit. */
final class Services {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);
    final Store store;
    final Limits limits;
    final Clock clock;
    final CardRules cardRules;
    /** Told of this process's own commits only (work exactly one node must do per change). */
    private final List<ChangeListener> localListeners = new CopyOnWriteArrayList<>();

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

    void addLocalListener(ChangeListener listener) {
        localListeners.add(listener);
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
            publishLocal(notice);
        }
        return result;
    }

    /**
     * A write to one person's own data (personal books): after the commit, tells the listeners
     * that only {@code owner} may be concerned, at the newest position the write handed out.
     */
    <T> T writeFor(long owner, Function<StoreTx, T> work) {
        long[] seq = new long[1];
        T result = store.write(tx -> {
            T r = work.apply(tx);
            seq[0] = tx.feed().currentSeq();
            return r;
        });
        publishLocal(new ChangeNotice(seq[0], Set.of(), Set.of(owner), false));
        return result;
    }

    /** A commit of this process: its local listeners first, then every listener of the database. */
    private void publishLocal(ChangeNotice notice) {
        for (ChangeListener listener : localListeners) {
            try {
                listener.committed(notice);
            } catch (RuntimeException e) {
                LOG.warn("change listener failed for position {}", notice.seq(), e);
            }
        }
        publish(notice);
    }

    /** Tells every listener of the database, in this process and others, after a commit. */
    void publish(ChangeNotice notice) {
        store.signal().publish(notice);
    }
}
