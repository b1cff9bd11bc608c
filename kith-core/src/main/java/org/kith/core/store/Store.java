package org.kith.core.store;

import java.util.function.Function;

/**
 * The storage port. Every mutation runs in one transaction: the state change and its change-feed
 * rows commit together or not at all. Implementations must be thread-safe; a {@link StoreTx} is
 * confined to the thread that runs the callback.
 *
 * <p>Writers are serialised by {@link FeedStore#nextSeq()} (the feed clock), so feed positions
 * are handed out in commit order: a reader that has seen position N never later finds a new
 * row below N.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} in a read-write transaction; commits if it returns, rolls back if it throws. */
    <T> T write(Function<StoreTx, T> work);

    /** Runs {@code work} in a read-only transaction (a consistent snapshot where the database offers one). */
    <T> T read(Function<StoreTx, T> work);

    /** Where the services publish committed changes and surfaces listen for them (this database's processes). */
    ChangeSignal signal();

    /** A short name of the backend, for logs: "sqlite" or "postgresql". */
    String dialect();

    /** Stops the signal and closes the database; nothing may be called afterwards. */
    @Override
    void close();
}
