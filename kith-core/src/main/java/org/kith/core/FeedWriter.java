package org.kith.core;

import java.util.HashSet;
import java.util.Set;

import org.kith.core.feed.ChangeNotice;
import org.kith.core.model.ChangeKind;
import org.kith.core.store.StoreTx;

/**
 * Writes a mutation's change-feed rows in the mutation's own transaction, all at one position,
 * and remembers whom they concern so the notice published after commit can say so.
 */
final class FeedWriter {
    private final StoreTx tx;
    private final long seq;
    private final Set<Long> groups = new HashSet<>();
    private final Set<Long> viewers = new HashSet<>();

    FeedWriter(StoreTx tx) {
        this.tx = tx;
        this.seq = tx.feed().nextSeq(); // first statement of every feed-writing transaction: see Store's lock order
    }

    long seq() {
        return seq;
    }

    /** Every member of the group may be told, unless {@code subject} blocks them. */
    void group(long groupId, Long subject, String uid, ChangeKind kind) {
        tx.feed().appendGroup(seq, groupId, subject, uid, kind);
        groups.add(groupId);
    }

    /** Only {@code viewer} is told. */
    void viewer(long viewer, long groupId, String uid, ChangeKind kind) {
        tx.feed().appendViewer(seq, viewer, groupId, uid, kind);
        viewers.add(viewer);
    }

    /** The notice to publish after commit, or null if nothing was written. */
    ChangeNotice notice() {
        return groups.isEmpty() && viewers.isEmpty() ? null : new ChangeNotice(seq, groups, viewers, false);
    }
}
