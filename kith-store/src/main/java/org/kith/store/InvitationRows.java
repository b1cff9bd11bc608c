package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;
import org.kith.core.store.InvitationStore;

/**
 * Invitations. Single lookups return invitations of deleted groups too (the services answer
 * "the group no longer exists"); the pending lists leave them out, as they leave out every
 * deleted group.
 */
final class InvitationRows implements InvitationStore {
    private static final String COLS = "i.id, i.group_id, i.inviter_id, i.invitee_id, i.code, i.max_uses, i.uses, "
            + "i.expires_at, i.entry_id, i.status, i.created_at";
    private static final String PENDING = "SELECT " + COLS + " FROM invitations i "
            + "JOIN kith_groups g ON g.id = i.group_id AND g.deleted_at IS NULL WHERE i.status = 'PENDING' AND ";

    private final Sql sql;

    InvitationRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long insert(long groupId, long inviterId, Long inviteeId, String code, Integer maxUses, Instant expiresAt,
                Long entryId, Instant now) {
        return sql.insertId("INSERT INTO invitations (group_id, inviter_id, invitee_id, code, max_uses, uses, "
                + "expires_at, entry_id, status, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)", groupId, inviterId,
                inviteeId, code, maxUses, expiresAt, entryId, InvitationStatus.PENDING.name(), now);
    }

    @Override
    public Optional<Invitation> get(long invitationId) {
        return sql.one("SELECT " + COLS + " FROM invitations i WHERE i.id = ?", InvitationRows::invitation,
                invitationId);
    }

    @Override
    public Optional<Invitation> byCode(String code) {
        return sql.one("SELECT " + COLS + " FROM invitations i WHERE i.code = ?", InvitationRows::invitation, code);
    }

    @Override
    public List<Invitation> pendingOfGroup(long groupId) {
        return sql.list(PENDING + "i.group_id = ? ORDER BY i.id", InvitationRows::invitation, groupId);
    }

    @Override
    public List<Invitation> pendingFor(long accountId) {
        return sql.list(PENDING + "i.invitee_id = ? ORDER BY i.id", InvitationRows::invitation, accountId);
    }

    @Override
    public void setStatus(long invitationId, InvitationStatus status) {
        sql.update("UPDATE invitations SET status = ? WHERE id = ?", status.name(), invitationId);
    }

    @Override
    public void use(long invitationId) {
        sql.update("UPDATE invitations SET uses = uses + 1 WHERE id = ?", invitationId);
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getLong("group_id"), rs.getLong("inviter_id"),
                Sql.nullableLong(rs, "invitee_id"), rs.getString("code"), Sql.nullableInt(rs, "max_uses"),
                rs.getInt("uses"), Sql.instant(rs, "expires_at"), Sql.nullableLong(rs, "entry_id"),
                InvitationStatus.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"));
    }
}
