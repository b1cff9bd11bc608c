package org.kith.core.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kith.core.feed.ChangeListener;
import org.kith.core.feed.ChangeNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChangeSignal} of a database only this process writes (SQLite), and the in-process
 * part of any other: every notice goes to this process's subscribers, on the publishing thread.
 * Thread-safe.
 */
public final class LocalSignal implements ChangeSignal {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSignal.class);
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(ChangeNotice notice) {
        for (ChangeListener listener : listeners) {
            try {
                listener.committed(notice);
            } catch (RuntimeException e) {
                LOG.warn("change listener failed for position {}", notice.seq(), e);
            }
        }
    }

    @Override
    public void subscribe(ChangeListener listener) {
        listeners.add(listener);
    }
}
