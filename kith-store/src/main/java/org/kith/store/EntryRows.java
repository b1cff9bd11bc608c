package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.ManagedEntry;
import org.kith.core.store.EntryStore;

/** Managed entries: cards an owner typed in. Deleted softly; a UID is unique among a group's live entries. */
final class EntryRows implements EntryStore {
    private static final String COLS = "id, group_id, uid, vcard, etag, invitation_id, created_at";
    private final Sql sql;

    EntryRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long insert(long groupId, String uid, String vcard, String etag, Instant now) {
        return sql.insertId("INSERT INTO entries (group_id, uid, vcard, etag, created_at) VALUES (?, ?, ?, ?, ?)",
                groupId, uid, vcard, etag, now);
    }

    @Override
    public Optional<ManagedEntry> get(long groupId, long entryId) {
        return sql.one("SELECT " + COLS + " FROM entries WHERE group_id = ? AND id = ? AND deleted_at IS NULL",
                EntryRows::entry, groupId, entryId);
    }

    @Override
    public List<ManagedEntry> list(long groupId) {
        return sql.list("SELECT " + COLS + " FROM entries WHERE group_id = ? AND deleted_at IS NULL ORDER BY id",
                EntryRows::entry, groupId);
    }

    @Override
    public void update(long groupId, long entryId, String vcard, String etag) {
        sql.update("UPDATE entries SET vcard = ?, etag = ? WHERE group_id = ? AND id = ? AND deleted_at IS NULL", vcard,
                etag, groupId, entryId);
    }

    @Override
    public void setInvitation(long entryId, Long invitationId) {
        sql.update("UPDATE entries SET invitation_id = ? WHERE id = ?", invitationId, entryId);
    }

    /** The port gives no time here; the store's clock dates the deletion (it is never shown). */
    @Override
    public void delete(long groupId, long entryId) {
        sql.update("UPDATE entries SET deleted_at = ? WHERE group_id = ? AND id = ? AND deleted_at IS NULL",
                Instant.now(), groupId, entryId);
    }

    private static ManagedEntry entry(ResultSet rs) throws SQLException {
        return new ManagedEntry(rs.getLong("id"), rs.getLong("group_id"), rs.getString("uid"), rs.getString("vcard"),
                rs.getString("etag"), Sql.nullableLong(rs, "invitation_id"), Sql.instant(rs, "created_at"));
    }
}
