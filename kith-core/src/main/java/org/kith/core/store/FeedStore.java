package org.kith.core.store;

import java.util.List;
import java.util.Set;

import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;

/**
 * The feed clock and the change log. One mutation writes all its rows at one position from
 * {@link #nextSeq()}; positions are handed out in commit order, so a reader that has seen
 * position N never later finds a new row below N. Which rows a viewer sees is the core rule
 * {@code Visibility.maySee}: group rows unless their subject is hidden from the viewer, and the
 * viewer's own rows. Confined to its transaction's thread.
 */
public interface FeedStore {

    /**
     * Advances the global feed clock and returns the new position. Serialises writers until
     * commit; a rolled-back transaction gives its position back. Call it before
     * {@link GroupStore#lock}: every feed writer locks in that order.
     */
    long nextSeq();

    /** The newest position handed out and committed (0 on an empty database). */
    long currentSeq();

    /** Tokens below this position are too old: their feed rows may have been pruned. */
    long oldestRetainedSeq();

    /** A row every member of the group may see, unless {@code subjectAccountId} blocks them. */
    void appendGroup(long seq, long groupId, Long subjectAccountId, String uid, ChangeKind kind);

    /** A row for one viewer only. */
    void appendViewer(long seq, long viewerId, long groupId, String uid, ChangeKind kind);

    /**
     * The rows of one group's feed that {@code viewerId} may see, with seq above {@code afterSeq},
     * oldest first (rows of one position in the order written), at most {@code limit}: group rows
     * whose subject is not in {@code hiddenSubjects}, plus the viewer's own rows for the group.
     * Must cost O(rows returned + rows hidden), not O(group size).
     */
    List<ChangeRow> groupFeed(long groupId, long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit);

    /** The seq of the newest row {@link #groupFeed} would return with afterSeq 0, or 0. */
    long groupFeedHead(long groupId, long viewerId, Set<Long> hiddenSubjects);

    /** The seq of the newest of the viewer's own rows (any group, including groups left), or 0. */
    long viewerRowsHead(long viewerId);

    /**
     * The rows across all of the viewer's current groups plus the viewer's own rows (for any
     * group), with seq above {@code afterSeq}, oldest first, at most {@code limit}.
     */
    List<ChangeRow> viewerFeed(long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit);
}
