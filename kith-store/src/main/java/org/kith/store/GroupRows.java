package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.Group;
import org.kith.core.model.Member;
import org.kith.core.model.Role;
import org.kith.core.store.GroupStore;

/**
 * Groups and memberships. Both are deleted softly (a group keeps its feed rows; a membership's
 * joined/left positions date the member's tokens), and every read here skips what is deleted.
 */
final class GroupRows implements GroupStore {
    private static final String GROUP_COLS =
            "g.id, g.name, g.description, g.member_limit, g.members_may_invite, g.owner_id, g.created_at";
    /** Memberships {@code m} with their accounts {@code a} and cards {@code c}. */
    static final String MEMBERS_WITH_CARDS = " FROM memberships m JOIN accounts a ON a.id = m.account_id "
            + "JOIN cards c ON c.account_id = m.account_id ";
    /**
     * {@link Member#shownUid} in SQL, over {@link #MEMBERS_WITH_CARDS}: the inherited UID when
     * there is one, else the card's own. The store's one copy of that rule, but for the lookup by
     * UID in {@link PhonebookRows#card}, which splits it into two index lookups.
     */
    static final String SHOWN_UID = "COALESCE(m.alias_uid, c.uid)";
    private static final String MEMBER_SELECT = "SELECT m.group_id, m.account_id, a.username, a.display_name, m.role, "
            + SHOWN_UID + " AS shown_uid, m.joined_seq, m.joined_at" + MEMBERS_WITH_CARDS;

    private final Sql sql;

    GroupRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long insert(String name, String description, int memberLimit, boolean membersMayInvite, long ownerId,
                Instant now) {
        return sql.insertId("INSERT INTO kith_groups (name, description, member_limit, members_may_invite, owner_id, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", name, description, memberLimit, membersMayInvite, ownerId,
                now);
    }

    @Override
    public Optional<Group> get(long groupId) {
        return sql.one("SELECT " + GROUP_COLS + " FROM kith_groups g WHERE g.id = ? AND g.deleted_at IS NULL",
                GroupRows::group, groupId);
    }

    /** PostgreSQL: a row lock held to commit. SQLite: the one writer already excludes everyone. */
    @Override
    public Optional<Group> lock(long groupId) {
        return sql.one("SELECT " + GROUP_COLS + " FROM kith_groups g WHERE g.id = ? AND g.deleted_at IS NULL"
                + sql.dialect().forUpdate(), GroupRows::group, groupId);
    }

    @Override
    public void update(long groupId, String name, String description, int memberLimit, boolean membersMayInvite) {
        sql.update("UPDATE kith_groups SET name = ?, description = ?, member_limit = ?, members_may_invite = ? "
                + "WHERE id = ? AND deleted_at IS NULL", name, description, memberLimit, membersMayInvite, groupId);
    }

    @Override
    public void setOwner(long groupId, long ownerId) {
        sql.update("UPDATE kith_groups SET owner_id = ? WHERE id = ? AND deleted_at IS NULL", ownerId, groupId);
    }

    /** Ends every membership and removes every managed entry with the group, all at {@code seq}. */
    @Override
    public void delete(long groupId, long seq, Instant now) {
        sql.update("UPDATE memberships SET left_seq = ?, left_at = ? WHERE group_id = ? AND left_seq IS NULL", seq, now,
                groupId);
        sql.update("UPDATE entries SET deleted_at = ? WHERE group_id = ? AND deleted_at IS NULL", now, groupId);
        sql.update("UPDATE kith_groups SET deleted_at = ?, deleted_seq = ? WHERE id = ? AND deleted_at IS NULL", now,
                seq, groupId);
    }

    @Override
    public List<Group> groupsOf(long accountId) {
        return sql.list("SELECT " + GROUP_COLS + " FROM memberships m JOIN kith_groups g ON g.id = m.group_id "
                + "WHERE m.account_id = ? AND m.left_seq IS NULL AND g.deleted_at IS NULL ORDER BY g.id",
                GroupRows::group, accountId);
    }

    /** Ids of the groups the account is an active member of (an index range: the feed's hot path). */
    List<Long> groupIdsOf(long accountId) {
        return sql.list("SELECT group_id FROM memberships WHERE account_id = ? AND left_seq IS NULL ORDER BY group_id",
                rs -> rs.getLong(1), accountId);
    }

    @Override
    public void insertMembership(long groupId, long accountId, Role role, String aliasUid, long seq, Instant now) {
        sql.update("INSERT INTO memberships (group_id, account_id, role, alias_uid, joined_seq, joined_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", groupId, accountId, role.name(), aliasUid, seq, now);
    }

    @Override
    public boolean endMembership(long groupId, long accountId, long seq, Instant now) {
        return sql.update("UPDATE memberships SET left_seq = ?, left_at = ? WHERE group_id = ? AND account_id = ? "
                + "AND left_seq IS NULL", seq, now, groupId, accountId) > 0;
    }

    @Override
    public Optional<Member> member(long groupId, long accountId) {
        return sql.one(MEMBER_SELECT + "WHERE m.group_id = ? AND m.account_id = ? AND m.left_seq IS NULL",
                GroupRows::member, groupId, accountId);
    }

    @Override
    public List<Member> members(long groupId) {
        return sql.list(MEMBER_SELECT + "WHERE m.group_id = ? AND m.left_seq IS NULL ORDER BY m.joined_seq, m.id",
                GroupRows::member, groupId);
    }

    @Override
    public int memberCount(long groupId) {
        return (int) sql.number("SELECT COUNT(*) FROM memberships WHERE group_id = ? AND left_seq IS NULL", groupId);
    }

    @Override
    public void setRole(long groupId, long accountId, Role role) {
        sql.update("UPDATE memberships SET role = ? WHERE group_id = ? AND account_id = ? AND left_seq IS NULL",
                role.name(), groupId, accountId);
    }

    @Override
    public List<Long> sharedGroups(long accountA, long accountB) {
        return sql.list("SELECT a.group_id FROM memberships a JOIN memberships b ON b.group_id = a.group_id "
                + "AND b.account_id = ? AND b.left_seq IS NULL WHERE a.account_id = ? AND a.left_seq IS NULL "
                + "ORDER BY a.group_id", rs -> rs.getLong(1), accountB, accountA);
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("member_limit"),
                rs.getInt("members_may_invite") != 0, rs.getLong("owner_id"), Sql.instant(rs, "created_at"));
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getLong("group_id"), rs.getLong("account_id"), rs.getString("username"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("shown_uid"),
                rs.getLong("joined_seq"), Sql.instant(rs, "joined_at"));
    }
}
