package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.kith.core.Visibility;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;

/**
 * Reads the change log for one viewer as a merge of index ranges ("branches"), each read in
 * (seq, id) order from its own index and cut at the page size, so a read costs O(rows returned +
 * rows hidden from the viewer), never a scan of a group's members or of the whole log.
 *
 * <p>Which rows are the viewer's is {@link Visibility#maySee}. Hidden subjects are bound into
 * the SQL when there are few enough ({@link #sqlMaySee}, the rule's SQL form); a larger set is
 * filtered here by the rule itself, reading on from the last row seen ((seq, id) keyset) until
 * the page is full.
 */
final class FeedQuery {
    /** Larger hidden sets are filtered in Java rather than bound into every branch. */
    static final int MAX_BOUND_HIDDEN = 500;
    /** Parameters per statement: far below SQLite's 32766 and PostgreSQL's 32767. */
    private static final int MAX_PARAMS = 4000;
    /** Branches per statement: SQLite allows at most 500 terms in one compound SELECT. */
    private static final int MAX_BRANCHES = 100;
    /** Rows read per round when filtering in Java, so mostly-hidden ranges take few round trips. */
    private static final int JAVA_FILTER_BATCH = 256;
    private static final String COLS = "id, seq, group_id, viewer_id, subject_id, uid, kind";

    /** One index range of the change log. Only group rows are subject to the hidden set. */
    record Branch(String where, List<Object> params, boolean groupRows) {
        /** Rows every member of the group may see (index changes_group_rows). */
        static Branch groupRows(long groupId) {
            return new Branch("group_id = ? AND viewer_id IS NULL", List.of(groupId), true);
        }

        /** One viewer's own rows of one group (index changes_viewer_group). */
        static Branch viewerRows(long viewerId, long groupId) {
            return new Branch("viewer_id = ? AND group_id = ?", List.of(viewerId, groupId), false);
        }

        /** One viewer's own rows of every group, including groups they have left (index changes_viewer). */
        static Branch allViewerRows(long viewerId) {
            return new Branch("viewer_id = ?", List.of(viewerId), false);
        }
    }

    /** Which way a read walks the log, from a (seq, id) cursor that is not itself read. */
    private enum Direction {
        OLDEST_FIRST(">", "seq, id", Comparator.comparingLong(Row::seq).thenComparingLong(Row::id)),
        NEWEST_FIRST("<", "seq DESC, id DESC", OLDEST_FIRST.order.reversed());

        final String beyond;
        final String orderBy;
        final Comparator<Row> order;

        Direction(String beyond, String orderBy, Comparator<Row> order) {
            this.beyond = beyond;
            this.orderBy = orderBy;
            this.order = order;
        }
    }

    /** A change row with its row id, the tie-breaker among rows of one mutation. */
    private record Row(long id, ChangeRow change) {
        long seq() {
            return change.seq();
        }
    }

    private final Sql sql;
    private final Set<Long> hidden;
    private final boolean bindHidden;

    FeedQuery(Sql sql, Set<Long> hiddenSubjects) {
        this.sql = sql;
        this.hidden = hiddenSubjects == null ? Set.of() : hiddenSubjects;
        this.bindHidden = hidden.size() <= MAX_BOUND_HIDDEN;
    }

    /** The viewer's rows of the branches with seq above {@code afterSeq}, in (seq, id) order, at most {@code limit}. */
    List<ChangeRow> page(List<Branch> branches, long afterSeq, int limit) {
        // (seq, id) > (afterSeq, MAX) is exactly seq > afterSeq
        return read(branches, Direction.OLDEST_FIRST, afterSeq, Long.MAX_VALUE, limit);
    }

    /** The seq of the newest row {@link #page} would return for these branches, or 0. */
    long newest(List<Branch> branches) {
        List<ChangeRow> top = read(branches, Direction.NEWEST_FIRST, Long.MAX_VALUE, Long.MAX_VALUE, 1);
        return top.isEmpty() ? 0 : top.get(0).seq();
    }

    private List<ChangeRow> read(List<Branch> branches, Direction direction, long cursorSeq, long cursorId, int limit) {
        List<ChangeRow> out = new ArrayList<>();
        while (out.size() < limit) {
            int want = limit - out.size();
            int fetch = bindHidden ? want : Math.max(want, JAVA_FILTER_BATCH);
            List<Row> batch = fetch(branches, direction, cursorSeq, cursorId, fetch);
            for (Row row : batch) {
                if (Visibility.maySee(row.change(), hidden)) {
                    out.add(row.change());
                    if (out.size() == limit) {
                        return out;
                    }
                }
                cursorSeq = row.seq();
                cursorId = row.id();
            }
            if (batch.size() < fetch) {
                break;
            }
        }
        return out;
    }

    /** The first {@code n} rows beyond the cursor across all branches; one statement per chunk of branches. */
    private List<Row> fetch(List<Branch> branches, Direction direction, long cursorSeq, long cursorId, int n) {
        int perBranch = 5 + (bindHidden ? hidden.size() : 0);
        int chunk = Math.max(1, Math.min(MAX_BRANCHES, MAX_PARAMS / perBranch));
        if (branches.size() <= chunk) {
            return query(branches, direction, cursorSeq, cursorId, n);
        }
        List<Row> all = new ArrayList<>();
        for (int i = 0; i < branches.size(); i += chunk) {
            all.addAll(query(branches.subList(i, Math.min(branches.size(), i + chunk)), direction, cursorSeq, cursorId,
                    n));
        }
        all.sort(direction.order);
        return all.size() > n ? new ArrayList<>(all.subList(0, n)) : all;
    }

    private List<Row> query(List<Branch> branches, Direction direction, long cursorSeq, long cursorId, int n) {
        List<Object> params = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (Branch branch : branches) {
            params.addAll(branch.params());
            String filter = sqlMaySee(branch, params);
            params.add(cursorSeq);
            params.add(cursorId);
            params.add(n);
            selects.add("SELECT " + COLS + " FROM changes WHERE " + branch.where() + filter + " AND (seq, id) "
                    + direction.beyond + " (?, ?) ORDER BY " + direction.orderBy + " LIMIT ?");
        }
        if (selects.size() == 1) {
            return sql.list(selects.get(0), FeedQuery::row, params.toArray());
        }
        // each branch is cut at n by its own index range; the union is merged and cut again
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < selects.size(); i++) {
            union.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(COLS).append(" FROM (")
                    .append(selects.get(i)).append(") b").append(i);
        }
        params.add(n);
        return sql.list(union + " ORDER BY " + direction.orderBy + " LIMIT ?", FeedQuery::row, params.toArray());
    }

    /**
     * {@link Visibility#maySee} in SQL, for one branch: " AND …" keeping the group rows whose
     * subject is not hidden (rows addressed to the viewer pass). Empty when nothing is bound: no
     * hidden set, or one too large to bind, which {@link #read} then filters with the rule itself.
     */
    private String sqlMaySee(Branch branch, List<Object> params) {
        if (!branch.groupRows() || !bindHidden || hidden.isEmpty()) {
            return "";
        }
        params.addAll(hidden);
        return " AND (subject_id IS NULL OR subject_id NOT IN (" + Sql.placeholders(hidden.size()) + "))";
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), new ChangeRow(rs.getLong("seq"), rs.getLong("group_id"),
                Sql.nullableLong(rs, "viewer_id"), Sql.nullableLong(rs, "subject_id"), rs.getString("uid"),
                ChangeKind.valueOf(rs.getString("kind"))));
    }
}
