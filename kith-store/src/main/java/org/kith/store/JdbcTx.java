package org.kith.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.kith.core.model.Account;
import org.kith.core.model.AppPassword;
import org.kith.core.model.Block;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;
import org.kith.core.model.Group;
import org.kith.core.model.GroupCard;
import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;
import org.kith.core.model.ManagedEntry;
import org.kith.core.model.Member;
import org.kith.core.model.Role;
import org.kith.core.model.StoredCard;
import org.kith.core.store.StoreTx;

/** {@link StoreTx} on one JDBC connection inside one transaction. Confined to one thread. */
final class JdbcTx extends Sql implements StoreTx {
    private static final String ACCOUNT_COLS = "id, username, display_name, region, created_at";
    private static final String GROUP_COLS = "id, name, description, member_limit, members_may_invite, owner_id, created_at";
    private static final String INVITATION_COLS =
            "id, group_id, inviter_id, invitee_id, code, max_uses, uses, expires_at, entry_id, status, created_at";
    private static final String CHANGE_COLS = "seq, group_id, viewer_id, subject_id, uid, kind";
    private static final String MEMBER_SELECT = "SELECT m.group_id, m.account_id, a.username, a.display_name, m.role, "
            + "COALESCE(m.alias_uid, c.uid) AS shown_uid, m.joined_seq, m.joined_at "
            + "FROM memberships m JOIN accounts a ON a.id = m.account_id JOIN cards c ON c.account_id = m.account_id ";

    JdbcTx(Connection c, Dialect dialect) {
        super(c, dialect);
    }

    // ---- feed clock -------------------------------------------------------------------------

    @Override
    public long nextSeq() {
        update("UPDATE feed_clock SET seq = seq + 1 WHERE id = 1");
        return number("SELECT seq FROM feed_clock WHERE id = 1");
    }

    @Override
    public long currentSeq() {
        return number("SELECT seq FROM feed_clock WHERE id = 1");
    }

    @Override
    public long oldestRetainedSeq() {
        return number("SELECT oldest_retained FROM feed_clock WHERE id = 1");
    }

    // ---- accounts, credentials ---------------------------------------------------------------

    @Override
    public Optional<Long> insertAccount(String username, String displayName, String passwordHash, String region,
                                        String cardUid, String cardVcard, String cardEtag, Instant now) {
        Optional<Long> id = insertUnique("INSERT INTO accounts (username, username_lc, display_name, password_hash, "
                + "region, created_at) VALUES (?, ?, ?, ?, ?, ?)", username, username.toLowerCase(Locale.ROOT),
                displayName, passwordHash, region, now);
        id.ifPresent(accountId -> update("INSERT INTO cards (account_id, uid, vcard, etag, updated_at) "
                + "VALUES (?, ?, ?, ?, ?)", accountId, cardUid, cardVcard, cardEtag, now));
        return id;
    }

    @Override
    public Optional<Account> account(long id) {
        return one("SELECT " + ACCOUNT_COLS + " FROM accounts WHERE id = ?", JdbcTx::account, id);
    }

    @Override
    public Optional<Account> accountByUsername(String username) {
        return one("SELECT " + ACCOUNT_COLS + " FROM accounts WHERE username_lc = ?", JdbcTx::account,
                username.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<String> passwordHash(long accountId) {
        return one("SELECT password_hash FROM accounts WHERE id = ?", rs -> rs.getString(1), accountId);
    }

    @Override
    public long insertAppPassword(long accountId, String name, String secretHash, Instant now) {
        return insert("INSERT INTO app_passwords (account_id, name, secret_hash, created_at) VALUES (?, ?, ?, ?)",
                accountId, name, secretHash, now);
    }

    @Override
    public List<AppPassword> appPasswords(long accountId) {
        return list("SELECT id, account_id, name, created_at, last_used_at FROM app_passwords WHERE account_id = ? "
                + "ORDER BY id", JdbcTx::appPassword, accountId);
    }

    @Override
    public boolean deleteAppPassword(long accountId, long appPasswordId) {
        return update("DELETE FROM app_passwords WHERE id = ? AND account_id = ?", appPasswordId, accountId) > 0;
    }

    @Override
    public Optional<AppPassword> appPasswordBySecretHash(String secretHash) {
        return one("SELECT id, account_id, name, created_at, last_used_at FROM app_passwords WHERE secret_hash = ?",
                JdbcTx::appPassword, secretHash);
    }

    @Override
    public void touchAppPassword(long appPasswordId, Instant now) {
        update("UPDATE app_passwords SET last_used_at = ? WHERE id = ?", now, appPasswordId);
    }

    @Override
    public void insertSession(String tokenHash, long accountId, Instant expiresAt) {
        update("INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)", tokenHash, accountId,
                expiresAt);
    }

    @Override
    public Optional<Long> sessionAccount(String tokenHash, Instant now) {
        return one("SELECT account_id FROM sessions WHERE token_hash = ? AND expires_at > ?", rs -> rs.getLong(1),
                tokenHash, now);
    }

    @Override
    public void deleteSession(String tokenHash) {
        update("DELETE FROM sessions WHERE token_hash = ?", tokenHash);
    }

    // ---- own cards --------------------------------------------------------------------------

    @Override
    public Optional<StoredCard> card(long accountId) {
        return one("SELECT account_id, uid, vcard, etag, updated_at FROM cards WHERE account_id = ?",
                rs -> new StoredCard(rs.getLong("account_id"), rs.getString("uid"), rs.getString("vcard"),
                        rs.getString("etag"), instant(rs, "updated_at")), accountId);
    }

    @Override
    public boolean updateCard(long accountId, String vcard, String etag, String expectedEtag, Instant now) {
        if (expectedEtag == null) {
            return update("UPDATE cards SET vcard = ?, etag = ?, updated_at = ? WHERE account_id = ?", vcard, etag,
                    now, accountId) > 0;
        }
        return update("UPDATE cards SET vcard = ?, etag = ?, updated_at = ? WHERE account_id = ? AND etag = ?", vcard,
                etag, now, accountId, expectedEtag) > 0;
    }

    @Override
    public void setCardUid(long accountId, String uid) {
        update("UPDATE cards SET uid = ? WHERE account_id = ?", uid, accountId);
    }

    @Override
    public void replacePhones(long accountId, Collection<String> e164Numbers) {
        update("DELETE FROM card_phones WHERE account_id = ?", accountId);
        for (String number : new HashSet<>(e164Numbers)) {
            update("INSERT INTO card_phones (account_id, e164) VALUES (?, ?)", accountId, number);
        }
    }

    @Override
    public List<Long> accountsWithPhone(String e164) {
        return list("SELECT DISTINCT account_id FROM card_phones WHERE e164 = ? ORDER BY account_id",
                rs -> rs.getLong(1), e164);
    }

    // ---- groups and memberships -------------------------------------------------------------

    @Override
    public long insertGroup(String name, String description, int memberLimit, boolean membersMayInvite, long ownerId,
                            Instant now) {
        return insert("INSERT INTO kith_groups (name, description, member_limit, members_may_invite, owner_id, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", name, description, memberLimit, membersMayInvite, ownerId, now);
    }

    @Override
    public Optional<Group> group(long groupId) {
        return one("SELECT " + GROUP_COLS + " FROM kith_groups WHERE id = ? AND deleted_seq IS NULL", JdbcTx::group,
                groupId);
    }

    @Override
    public Optional<Group> lockGroup(long groupId) {
        return one("SELECT " + GROUP_COLS + " FROM kith_groups WHERE id = ? AND deleted_seq IS NULL"
                + dialect.forUpdate(), JdbcTx::group, groupId);
    }

    @Override
    public void updateGroup(long groupId, String name, String description, int memberLimit, boolean membersMayInvite) {
        update("UPDATE kith_groups SET name = ?, description = ?, member_limit = ?, members_may_invite = ? "
                + "WHERE id = ?", name, description, memberLimit, membersMayInvite, groupId);
    }

    @Override
    public void setGroupOwner(long groupId, long ownerId) {
        update("UPDATE kith_groups SET owner_id = ? WHERE id = ?", ownerId, groupId);
    }

    @Override
    public void deleteGroup(long groupId, long seq, Instant now) {
        update("UPDATE memberships SET left_seq = ?, left_at = ? WHERE group_id = ? AND left_seq IS NULL", seq, now,
                groupId);
        update("UPDATE kith_groups SET deleted_seq = ? WHERE id = ?", seq, groupId);
    }

    @Override
    public List<Group> groupsOf(long accountId) {
        return list("SELECT g.id, g.name, g.description, g.member_limit, g.members_may_invite, g.owner_id, g.created_at "
                + "FROM memberships m JOIN kith_groups g ON g.id = m.group_id "
                + "WHERE m.account_id = ? AND m.left_seq IS NULL AND g.deleted_seq IS NULL ORDER BY m.id",
                JdbcTx::group, accountId);
    }

    @Override
    public void insertMembership(long groupId, long accountId, Role role, String aliasUid, long seq, Instant now) {
        update("INSERT INTO memberships (group_id, account_id, role, alias_uid, joined_seq, joined_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", groupId, accountId, role.name(), aliasUid, seq, now);
    }

    @Override
    public boolean endMembership(long groupId, long accountId, long seq, Instant now) {
        return update("UPDATE memberships SET left_seq = ?, left_at = ? WHERE group_id = ? AND account_id = ? "
                + "AND left_seq IS NULL", seq, now, groupId, accountId) > 0;
    }

    @Override
    public Optional<Member> member(long groupId, long accountId) {
        return one(MEMBER_SELECT + "WHERE m.group_id = ? AND m.account_id = ? AND m.left_seq IS NULL",
                JdbcTx::member, groupId, accountId);
    }

    @Override
    public List<Member> members(long groupId) {
        return list(MEMBER_SELECT + "WHERE m.group_id = ? AND m.left_seq IS NULL ORDER BY m.id", JdbcTx::member,
                groupId);
    }

    @Override
    public int memberCount(long groupId) {
        return (int) number("SELECT COUNT(*) FROM memberships WHERE group_id = ? AND left_seq IS NULL", groupId);
    }

    @Override
    public void setRole(long groupId, long accountId, Role role) {
        update("UPDATE memberships SET role = ? WHERE group_id = ? AND account_id = ? AND left_seq IS NULL",
                role.name(), groupId, accountId);
    }

    @Override
    public List<Long> sharedGroups(long accountA, long accountB) {
        return list("SELECT a.group_id FROM memberships a JOIN memberships b ON b.group_id = a.group_id "
                + "AND b.account_id = ? AND b.left_seq IS NULL WHERE a.account_id = ? AND a.left_seq IS NULL "
                + "ORDER BY a.group_id", rs -> rs.getLong(1), accountB, accountA);
    }

    // ---- phonebook reads --------------------------------------------------------------------

    @Override
    public List<GroupCard> groupCards(long groupId) {
        List<GroupCard> cards = new ArrayList<>(list(
                "SELECT m.group_id, COALESCE(m.alias_uid, c.uid) AS shown_uid, a.id AS account_id, a.username, "
                        + "a.display_name, c.vcard, c.etag FROM memberships m JOIN accounts a ON a.id = m.account_id "
                        + "JOIN cards c ON c.account_id = m.account_id WHERE m.group_id = ? AND m.left_seq IS NULL "
                        + "ORDER BY m.id", JdbcTx::memberCard, groupId));
        cards.addAll(list("SELECT group_id, uid, id, vcard, etag FROM entries WHERE group_id = ? AND deleted = 0 "
                + "ORDER BY id", JdbcTx::entryCard, groupId));
        return cards;
    }

    @Override
    public Optional<GroupCard> groupCard(long groupId, String uid) {
        Optional<GroupCard> aliased = one("SELECT m.group_id, m.alias_uid AS shown_uid, a.id AS account_id, a.username, "
                + "a.display_name, c.vcard, c.etag FROM memberships m JOIN accounts a ON a.id = m.account_id "
                + "JOIN cards c ON c.account_id = m.account_id "
                + "WHERE m.group_id = ? AND m.alias_uid = ? AND m.left_seq IS NULL", JdbcTx::memberCard, groupId, uid);
        if (aliased.isPresent()) {
            return aliased;
        }
        Optional<GroupCard> own = one("SELECT m.group_id, c.uid AS shown_uid, a.id AS account_id, a.username, "
                + "a.display_name, c.vcard, c.etag FROM cards c JOIN memberships m ON m.account_id = c.account_id "
                + "AND m.group_id = ? AND m.left_seq IS NULL AND m.alias_uid IS NULL JOIN accounts a ON a.id = c.account_id "
                + "WHERE c.uid = ?", JdbcTx::memberCard, groupId, uid);
        if (own.isPresent()) {
            return own;
        }
        return one("SELECT group_id, uid, id, vcard, etag FROM entries WHERE group_id = ? AND uid = ? AND deleted = 0",
                JdbcTx::entryCard, groupId, uid);
    }

    // ---- managed entries --------------------------------------------------------------------

    @Override
    public long insertEntry(long groupId, String uid, String vcard, String etag, Instant now) {
        return insert("INSERT INTO entries (group_id, uid, vcard, etag, created_at, deleted) VALUES (?, ?, ?, ?, ?, 0)",
                groupId, uid, vcard, etag, now);
    }

    @Override
    public Optional<ManagedEntry> entry(long groupId, long entryId) {
        return one("SELECT id, group_id, uid, vcard, etag, invitation_id, created_at FROM entries "
                + "WHERE group_id = ? AND id = ? AND deleted = 0", JdbcTx::entry, groupId, entryId);
    }

    @Override
    public List<ManagedEntry> entries(long groupId) {
        return list("SELECT id, group_id, uid, vcard, etag, invitation_id, created_at FROM entries "
                + "WHERE group_id = ? AND deleted = 0 ORDER BY id", JdbcTx::entry, groupId);
    }

    @Override
    public void updateEntry(long groupId, long entryId, String vcard, String etag) {
        update("UPDATE entries SET vcard = ?, etag = ? WHERE group_id = ? AND id = ? AND deleted = 0", vcard, etag,
                groupId, entryId);
    }

    @Override
    public void setEntryInvitation(long entryId, Long invitationId) {
        update("UPDATE entries SET invitation_id = ? WHERE id = ?", invitationId, entryId);
    }

    @Override
    public void deleteEntry(long groupId, long entryId) {
        update("UPDATE entries SET deleted = 1 WHERE group_id = ? AND id = ?", groupId, entryId);
    }

    // ---- invitations ------------------------------------------------------------------------

    @Override
    public long insertInvitation(long groupId, long inviterId, Long inviteeId, String code, Integer maxUses,
                                 Instant expiresAt, Long entryId, Instant now) {
        return insert("INSERT INTO invitations (group_id, inviter_id, invitee_id, code, max_uses, uses, expires_at, "
                + "entry_id, status, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)", groupId, inviterId, inviteeId,
                code, maxUses, expiresAt, entryId, InvitationStatus.PENDING.name(), now);
    }

    @Override
    public Optional<Invitation> invitation(long invitationId) {
        return one("SELECT " + INVITATION_COLS + " FROM invitations WHERE id = ?", JdbcTx::invitation, invitationId);
    }

    @Override
    public Optional<Invitation> invitationByCode(String code) {
        return one("SELECT " + INVITATION_COLS + " FROM invitations WHERE code = ?", JdbcTx::invitation, code);
    }

    @Override
    public List<Invitation> pendingInvitationsOfGroup(long groupId) {
        return list("SELECT " + INVITATION_COLS + " FROM invitations WHERE group_id = ? AND status = ? ORDER BY id",
                JdbcTx::invitation, groupId, InvitationStatus.PENDING.name());
    }

    @Override
    public List<Invitation> pendingInvitationsFor(long accountId) {
        return list("SELECT " + INVITATION_COLS + " FROM invitations WHERE invitee_id = ? AND status = ? ORDER BY id",
                JdbcTx::invitation, accountId, InvitationStatus.PENDING.name());
    }

    @Override
    public void setInvitationStatus(long invitationId, InvitationStatus status) {
        update("UPDATE invitations SET status = ? WHERE id = ?", status.name(), invitationId);
    }

    @Override
    public void useInvitation(long invitationId) {
        update("UPDATE invitations SET uses = uses + 1 WHERE id = ?", invitationId);
    }

    // ---- blocks -----------------------------------------------------------------------------

    @Override
    public boolean insertBlock(long blockerId, long blockedId, Instant now) {
        return updateUnique("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)", blockerId,
                blockedId, now);
    }

    @Override
    public boolean deleteBlock(long blockerId, long blockedId) {
        return update("DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?", blockerId, blockedId) > 0;
    }

    @Override
    public List<Block> blocksBy(long blockerId) {
        return list("SELECT blocker_id, blocked_id, created_at FROM blocks WHERE blocker_id = ? ORDER BY created_at",
                rs -> new Block(rs.getLong(1), rs.getLong(2), instant(rs, "created_at")), blockerId);
    }

    @Override
    public Set<Long> blockersOf(long viewerId) {
        return new HashSet<>(list("SELECT blocker_id FROM blocks WHERE blocked_id = ?", rs -> rs.getLong(1), viewerId));
    }

    // ---- change feed ------------------------------------------------------------------------

    @Override
    public void appendGroupChange(long seq, long groupId, Long subjectAccountId, String uid, ChangeKind kind) {
        update("INSERT INTO changes (seq, group_id, viewer_id, subject_id, uid, kind) VALUES (?, ?, NULL, ?, ?, ?)",
                seq, groupId, subjectAccountId, uid, kind.name());
    }

    @Override
    public void appendViewerChange(long seq, long viewerId, long groupId, String uid, ChangeKind kind) {
        update("INSERT INTO changes (seq, group_id, viewer_id, subject_id, uid, kind) VALUES (?, ?, ?, NULL, ?, ?)",
                seq, groupId, viewerId, uid, kind.name());
    }

    @Override
    public List<ChangeRow> groupFeed(long groupId, long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit) {
        List<Object> params = new ArrayList<>(List.of(groupId, afterSeq));
        String visible = groupRowFilter(hiddenSubjects, params);
        params.add(viewerId);
        params.add(limit);
        return list("SELECT " + CHANGE_COLS + " FROM changes WHERE group_id = ? AND seq > ? AND (" + visible
                + " OR viewer_id = ?) ORDER BY seq, id LIMIT ?", JdbcTx::change, params.toArray());
    }

    @Override
    public long groupFeedHead(long groupId, long viewerId, Set<Long> hiddenSubjects) {
        List<Object> params = new ArrayList<>(List.of(groupId));
        String visible = groupRowFilter(hiddenSubjects, params);
        params.add(viewerId);
        return number("SELECT seq FROM changes WHERE group_id = ? AND (" + visible + " OR viewer_id = ?) "
                + "ORDER BY seq DESC LIMIT 1", params.toArray());
    }

    @Override
    public List<ChangeRow> viewerFeed(long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit) {
        List<Object> params = new ArrayList<>(List.of(afterSeq));
        String visible = groupRowFilter(hiddenSubjects, params);
        params.add(viewerId);
        params.add(viewerId);
        params.add(limit);
        return list("SELECT " + CHANGE_COLS + " FROM changes WHERE seq > ? AND ((" + visible + " AND group_id IN "
                + "(SELECT group_id FROM memberships WHERE account_id = ? AND left_seq IS NULL)) OR viewer_id = ?) "
                + "ORDER BY seq, id LIMIT ?", JdbcTx::change, params.toArray());
    }

    /** A group row the viewer may see: for everyone, and its subject does not hide from them. */
    private static String groupRowFilter(Set<Long> hidden, List<Object> params) {
        if (hidden.isEmpty()) {
            return "(viewer_id IS NULL)";
        }
        params.addAll(hidden);
        return "(viewer_id IS NULL AND (subject_id IS NULL OR subject_id NOT IN (" + placeholders(hidden.size()) + ")))";
    }

    // ---- row mappers ------------------------------------------------------------------------

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("region"), instant(rs, "created_at"));
    }

    private static AppPassword appPassword(ResultSet rs) throws SQLException {
        return new AppPassword(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                instant(rs, "created_at"), instant(rs, "last_used_at"));
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("member_limit"),
                rs.getInt("members_may_invite") != 0, rs.getLong("owner_id"), instant(rs, "created_at"));
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getLong("group_id"), rs.getLong("account_id"), rs.getString("username"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("shown_uid"),
                rs.getLong("joined_seq"), instant(rs, "joined_at"));
    }

    private static GroupCard memberCard(ResultSet rs) throws SQLException {
        return new GroupCard(rs.getLong("group_id"), rs.getString("shown_uid"), rs.getLong("account_id"),
                rs.getString("username"), rs.getString("display_name"), null, rs.getString("vcard"),
                rs.getString("etag"));
    }

    private static GroupCard entryCard(ResultSet rs) throws SQLException {
        return new GroupCard(rs.getLong("group_id"), rs.getString("uid"), null, null, null, rs.getLong("id"),
                rs.getString("vcard"), rs.getString("etag"));
    }

    private static ManagedEntry entry(ResultSet rs) throws SQLException {
        return new ManagedEntry(rs.getLong("id"), rs.getLong("group_id"), rs.getString("uid"), rs.getString("vcard"),
                rs.getString("etag"), nullableLong(rs, "invitation_id"), instant(rs, "created_at"));
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getLong("group_id"), rs.getLong("inviter_id"),
                nullableLong(rs, "invitee_id"), rs.getString("code"), nullableInt(rs, "max_uses"), rs.getInt("uses"),
                instant(rs, "expires_at"), nullableLong(rs, "entry_id"), InvitationStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"));
    }

    private static ChangeRow change(ResultSet rs) throws SQLException {
        return new ChangeRow(rs.getLong("seq"), rs.getLong("group_id"), nullableLong(rs, "viewer_id"),
                nullableLong(rs, "subject_id"), rs.getString("uid"), ChangeKind.valueOf(rs.getString("kind")));
    }
}
