package org.kith.core.store;

import org.kith.core.feed.ChangeListener;
import org.kith.core.feed.ChangeNotice;

/**
 * How a committed change becomes known to every listener of one database: in this process at
 * once, in the other server processes on the same database soon after. Notices carry positions
 * and ids only; each listener reads the data itself through the privacy policy. Provided by the
 * {@link Store}; thread-safe.
 */
public interface ChangeSignal {

    /**
     * Called by the services after a commit, never before. Tells this process's subscribers on
     * the caller's thread (a failing one is logged and skipped), then other processes without
     * making the caller wait for them.
     */
    void publish(ChangeNotice notice);

    /**
     * Adds a listener for every change committed on this database, here or in another process.
     * This process's changes arrive on the committing thread, other processes' on the signal's
     * own thread. After an outage in which other processes' notices may have been lost, a
     * {@link ChangeNotice#everyone} at the current position arrives instead, so that every
     * listener looks again.
     */
    void subscribe(ChangeListener listener);
}
