package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kith.core.model.GroupCard;
import org.kith.core.store.PhonebookStore;

/** A group's phonebook as stored: its active members' own cards, then its live managed entries. */
final class PhonebookRows implements PhonebookStore {
    private static final String MEMBER_CARD = "SELECT m.group_id, a.id AS account_id, a.username, a.display_name, "
            + "c.vcard, c.etag, c.uid AS own_uid, ";
    private static final String ENTRY_CARD = "SELECT group_id, uid, id, vcard, etag FROM entries ";
    /** UIDs per statement of a batched read: well below both databases' parameter limits. */
    private static final int UIDS_PER_STATEMENT = 500;
    /** One column list for member and entry rows, so a batched read is one UNION ALL statement. */
    private static final String MEMBER_ROW = "SELECT m.group_id, a.id AS account_id, a.username, a.display_name, "
            + "c.vcard, c.etag, c.uid AS own_uid, " + GroupRows.SHOWN_UID + " AS shown_uid, CAST(NULL AS BIGINT) AS entry_id, "
            + "CASE WHEN m.alias_uid IS NULL THEN 1 ELSE 0 END AS preference";
    /**
     * Member rows found by their card's UID. SQLite keeps the order of a CROSS JOIN, so this walks
     * the UIDs asked through the cards' UID index and looks each membership up (O(uids)); left to
     * choose, SQLite 3.54 walks the group's memberships instead (O(group)). PostgreSQL plans it as
     * any inner join.
     */
    private static final String MEMBER_BY_UID = MEMBER_ROW + " FROM cards c CROSS JOIN memberships m "
            + "JOIN accounts a ON a.id = m.account_id WHERE m.account_id = c.account_id AND ";
    private static final String ENTRY_ROW = "SELECT group_id, CAST(NULL AS BIGINT) AS account_id, "
            + "CAST(NULL AS TEXT) AS username, CAST(NULL AS TEXT) AS display_name, vcard, etag, "
            + "CAST(NULL AS TEXT) AS own_uid, uid AS shown_uid, id AS entry_id, 2 AS preference "
            + "FROM entries ";

    private final Sql sql;

    PhonebookRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<GroupCard> cards(long groupId) {
        List<GroupCard> cards = new ArrayList<>(sql.list(MEMBER_CARD + GroupRows.SHOWN_UID + " AS shown_uid"
                + GroupRows.MEMBERS_WITH_CARDS + "WHERE m.group_id = ? AND m.left_seq IS NULL "
                + "ORDER BY m.joined_seq, m.id",
                PhonebookRows::memberCard, groupId));
        cards.addAll(sql.list(ENTRY_CARD + "WHERE group_id = ? AND deleted_at IS NULL ORDER BY id",
                PhonebookRows::entryCard, groupId));
        return cards;
    }

    /**
     * {@link GroupRows#SHOWN_UID} = ? as three index lookups, since no index serves the COALESCE:
     * a member shown under an inherited UID, a member without one shown under the card's own UID,
     * an entry.
     */
    @Override
    public Optional<GroupCard> card(long groupId, String uid) {
        return sql.one(MEMBER_CARD + "m.alias_uid AS shown_uid" + GroupRows.MEMBERS_WITH_CARDS
                        + "WHERE m.group_id = ? AND m.alias_uid = ? AND m.left_seq IS NULL",
                        PhonebookRows::memberCard, groupId, uid)
                .or(() -> sql.one(MEMBER_CARD + "c.uid AS shown_uid" + GroupRows.MEMBERS_WITH_CARDS
                        + "WHERE c.uid = ? AND m.group_id = ? AND m.left_seq IS NULL AND m.alias_uid IS NULL",
                        PhonebookRows::memberCard, uid, groupId))
                .or(() -> sql.one(ENTRY_CARD + "WHERE group_id = ? AND uid = ? AND deleted_at IS NULL",
                        PhonebookRows::entryCard, groupId, uid));
    }

    /**
     * {@link #card} for many UIDs: one statement per {@value #UIDS_PER_STATEMENT} UIDs, each
     * branch an index lookup (alias, own UID, entry), so the cost follows the UIDs asked, not the
     * group. Where two rows show one UID the one {@link #card} would pick wins.
     */
    @Override
    public List<GroupCard> cards(long groupId, Collection<String> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        Map<String, GroupCard> best = new LinkedHashMap<>();
        for (List<String> chunk : chunks(uids)) {
            String in = Sql.placeholders(chunk.size());
            List<Object> params = new ArrayList<>();
            params.add(groupId);
            params.addAll(chunk);
            params.add(groupId);
            params.addAll(chunk);
            params.add(groupId);
            params.addAll(chunk);
            List<GroupCard> rows = sql.list(MEMBER_ROW + GroupRows.MEMBERS_WITH_CARDS + "WHERE m.group_id = ? AND m.alias_uid IN (" + in
                    + ") AND m.left_seq IS NULL UNION ALL " + MEMBER_BY_UID + "m.group_id = ? AND c.uid IN (" + in
                    + ") AND m.alias_uid IS NULL AND m.left_seq IS NULL UNION ALL " + ENTRY_ROW
                    + "WHERE group_id = ? AND uid IN (" + in + ") AND deleted_at IS NULL ORDER BY preference",
                    PhonebookRows::anyCard, params.toArray());
            for (GroupCard row : rows) {
                best.putIfAbsent(row.uid(), row);
            }
        }
        return List.copyOf(best.values());
    }

    /**
     * The cards of the given groups that a book spanning them lists under one of {@code ownUids}:
     * members whose own card has that UID (however each group shows it) and entries with that
     * UID. Unfiltered, in no particular order; one statement per {@value #UIDS_PER_STATEMENT} UIDs,
     * each an index lookup by UID.
     */
    @Override
    public List<GroupCard> byOwnUid(Collection<Long> groupIds, Collection<String> ownUids) {
        if (groupIds.isEmpty() || ownUids.isEmpty()) {
            return List.of();
        }
        List<GroupCard> out = new ArrayList<>();
        String groups = Sql.placeholders(groupIds.size());
        for (List<String> chunk : chunks(ownUids)) {
            String in = Sql.placeholders(chunk.size());
            List<Object> params = new ArrayList<>(chunk);
            params.addAll(groupIds);
            params.addAll(chunk);
            params.addAll(groupIds);
            out.addAll(sql.list(MEMBER_BY_UID + "c.uid IN (" + in + ") AND m.group_id IN (" + groups
                    + ") AND m.left_seq IS NULL UNION ALL " + ENTRY_ROW + "WHERE uid IN (" + in + ") AND group_id IN ("
                    + groups + ") AND deleted_at IS NULL", PhonebookRows::anyCard, params.toArray()));
        }
        return out;
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += UIDS_PER_STATEMENT) {
            out.add(distinct.subList(i, Math.min(distinct.size(), i + UIDS_PER_STATEMENT)));
        }
        return out;
    }

    /** A row of {@link #MEMBER_ROW} or {@link #ENTRY_ROW}. */
    private static GroupCard anyCard(ResultSet rs) throws SQLException {
        long entryId = rs.getLong("entry_id");
        if (!rs.wasNull()) {
            return new GroupCard(rs.getLong("group_id"), rs.getString("shown_uid"), null, null, null, entryId,
                    rs.getString("vcard"), rs.getString("etag"), null);
        }
        return memberCard(rs);
    }

    private static GroupCard memberCard(ResultSet rs) throws SQLException {
        return new GroupCard(rs.getLong("group_id"), rs.getString("shown_uid"), rs.getLong("account_id"),
                rs.getString("username"), rs.getString("display_name"), null, rs.getString("vcard"),
                rs.getString("etag"), rs.getString("own_uid"));
    }

    private static GroupCard entryCard(ResultSet rs) throws SQLException {
        return new GroupCard(rs.getLong("group_id"), rs.getString("uid"), null, null, null, rs.getLong("id"),
                rs.getString("vcard"), rs.getString("etag"), null);
    }
}
