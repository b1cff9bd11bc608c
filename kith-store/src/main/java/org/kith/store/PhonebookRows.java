package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.GroupCard;
import org.kith.core.store.PhonebookStore;

/** A group's phonebook as stored: its active members' own cards, then its live managed entries. */
final class PhonebookRows implements PhonebookStore {
    private static final String MEMBER_CARD = "SELECT m.group_id, a.id AS account_id, a.username, a.display_name, "
            + "c.vcard, c.etag, c.uid AS own_uid, ";
    private static final String ENTRY_CARD = "SELECT group_id, uid, id, vcard, etag FROM entries ";

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
