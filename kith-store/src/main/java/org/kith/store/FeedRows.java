package org.kith.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;
import org.kith.core.store.FeedStore;

/**
 * The feed clock and the change log. {@code seq} is not unique: one mutation writes all its rows
 * at one position, and the row id orders them within it.
 */
final class FeedRows implements FeedStore {
    private final Sql sql;
    private final GroupRows groups;

    FeedRows(Sql sql, GroupRows groups) {
        this.sql = sql;
        this.groups = groups;
    }

    /**
     * Advances the clock in one statement. The UPDATE write-locks the clock row until commit
     * (PostgreSQL; on SQLite the transaction already holds the database's one write lock), so
     * the next writer gets the next position only after this one committed: positions are
     * handed out in commit order.
     */
    @Override
    public long nextSeq() {
        return sql.one("UPDATE feed_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq", rs -> rs.getLong(1))
                .orElseThrow(() -> new StoreException("the feed clock row is missing"));
    }

    @Override
    public long currentSeq() {
        return sql.number("SELECT seq FROM feed_clock WHERE id = 1");
    }

    @Override
    public long oldestRetainedSeq() {
        return sql.number("SELECT oldest_retained FROM feed_clock WHERE id = 1");
    }

    @Override
    public void appendGroup(long seq, long groupId, Long subjectAccountId, String uid, ChangeKind kind) {
        sql.update("INSERT INTO changes (seq, group_id, viewer_id, subject_id, uid, kind) VALUES (?, ?, NULL, ?, ?, ?)",
                seq, groupId, subjectAccountId, uid, kind.name());
    }

    @Override
    public void appendViewer(long seq, long viewerId, long groupId, String uid, ChangeKind kind) {
        sql.update("INSERT INTO changes (seq, group_id, viewer_id, subject_id, uid, kind) VALUES (?, ?, ?, NULL, ?, ?)",
                seq, groupId, viewerId, uid, kind.name());
    }

    @Override
    public List<ChangeRow> groupFeed(long groupId, long viewerId, Set<Long> hidden, long afterSeq, int limit) {
        return new FeedQuery(sql, hidden).page(groupBranches(groupId, viewerId), afterSeq, limit);
    }

    /** The top of the same branches {@link #groupFeed} reads: two index lookups from the top. */
    @Override
    public long groupFeedHead(long groupId, long viewerId, Set<Long> hidden) {
        return new FeedQuery(sql, hidden).newest(groupBranches(groupId, viewerId));
    }

    @Override
    public long viewerRowsHead(long viewerId) {
        return new FeedQuery(sql, Set.of()).newest(List.of(FeedQuery.Branch.allViewerRows(viewerId)));
    }

    /** The group rows of the viewer's current groups plus all the viewer's own rows. */
    @Override
    public List<ChangeRow> viewerFeed(long viewerId, Set<Long> hidden, long afterSeq, int limit) {
        List<FeedQuery.Branch> branches = new ArrayList<>();
        for (long groupId : groups.groupIdsOf(viewerId)) {
            branches.add(FeedQuery.Branch.groupRows(groupId));
        }
        branches.add(FeedQuery.Branch.allViewerRows(viewerId));
        return new FeedQuery(sql, hidden).page(branches, afterSeq, limit);
    }

    /** One group's feed for one viewer: the group's rows and the viewer's own rows of the group. */
    private static List<FeedQuery.Branch> groupBranches(long groupId, long viewerId) {
        return List.of(FeedQuery.Branch.groupRows(groupId), FeedQuery.Branch.viewerRows(viewerId, groupId));
    }
}
