package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.PersonalCard;
import org.kith.core.model.PersonalCardRow;
import org.kith.core.store.BookCardStore;

/**
 * The card rows of personal books. A deleted card stays as a tombstone (deleted = 1, empty
 * text) so "changes since T" can report it; conditional writes are single statements whose
 * WHERE clause is the condition, so zero rows touched means the precondition failed.
 */
final class PersonalCardRows implements BookCardStore {
    /** Names per multiget statement: well below both databases' parameter limits. */
    private static final int NAMES_PER_STATEMENT = 500;
    private static final String CARD_COLS = "name, uid, vcard, etag, seq, deleted";
    /** Insert, or overwrite whatever row has the name (live or tombstone). */
    private static final String UPSERT = "INSERT INTO personal_cards (book_id, name, uid, vcard, etag, seq, deleted) "
            + "VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (book_id, name) DO UPDATE SET uid = excluded.uid, "
            + "vcard = excluded.vcard, etag = excluded.etag, seq = excluded.seq, deleted = 0";

    private final Sql sql;

    PersonalCardRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<PersonalCard> list(long bookId) {
        return sql.list("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND deleted = 0 ORDER BY seq",
                PersonalCardRows::card, bookId);
    }

    @Override
    public Optional<PersonalCard> get(long bookId, String name) {
        return sql.one("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND name = ? AND deleted = 0",
                PersonalCardRows::card, bookId, name);
    }

    /** One statement per {@value #NAMES_PER_STATEMENT} names. */
    @Override
    public List<PersonalCard> list(long bookId, Collection<String> names) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        List<PersonalCard> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += NAMES_PER_STATEMENT) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + NAMES_PER_STATEMENT));
            List<Object> params = new ArrayList<>();
            params.add(bookId);
            params.addAll(chunk);
            // no ORDER BY: sorting by seq would lead SQLite to walk the whole book on the seq index
            out.addAll(sql.list("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND deleted = 0 "
                    + "AND name IN (" + Sql.placeholders(chunk.size()) + ")", PersonalCardRows::card,
                    params.toArray()));
        }
        return out;
    }

    @Override
    public Optional<PersonalCard> byUid(long bookId, String uid) {
        return sql.one("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND uid = ? AND deleted = 0",
                PersonalCardRows::card, bookId, uid);
    }

    @Override
    public void put(long bookId, PersonalCard card) {
        sql.update(UPSERT, bookId, card.name(), card.uid(), card.vcard(), card.etag(), card.seq());
    }

    /** The upsert, kept from touching a live row: a new name, or a revived tombstone. */
    @Override
    public boolean insert(long bookId, PersonalCard card) {
        return sql.update(UPSERT + " WHERE personal_cards.deleted = 1",
                bookId, card.name(), card.uid(), card.vcard(), card.etag(), card.seq()) > 0;
    }

    @Override
    public boolean replace(long bookId, PersonalCard card, String expectedEtag) {
        String update = "UPDATE personal_cards SET uid = ?, vcard = ?, etag = ?, seq = ? "
                + "WHERE book_id = ? AND name = ? AND deleted = 0";
        if (expectedEtag == null) {
            return sql.update(update, card.uid(), card.vcard(), card.etag(), card.seq(), bookId, card.name()) > 0;
        }
        return sql.update(update + " AND etag = ?", card.uid(), card.vcard(), card.etag(), card.seq(), bookId,
                card.name(), expectedEtag) > 0;
    }

    /** The tombstone keeps name, UID and position; the text is dropped. */
    @Override
    public boolean delete(long bookId, String name, long seq, String expectedEtag) {
        String update = "UPDATE personal_cards SET vcard = '', etag = '', seq = ?, deleted = 1 "
                + "WHERE book_id = ? AND name = ? AND deleted = 0";
        if (expectedEtag == null) {
            return sql.update(update, seq, bookId, name) > 0;
        }
        return sql.update(update + " AND etag = ?", seq, bookId, name, expectedEtag) > 0;
    }

    @Override
    public List<PersonalCardRow> changes(long bookId, long afterSeq, boolean includeDeleted, int limit) {
        return sql.list("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND seq > ?"
                + (includeDeleted ? "" : " AND deleted = 0") + " ORDER BY seq LIMIT ?",
                rs -> new PersonalCardRow(card(rs), rs.getInt("deleted") != 0), bookId, afterSeq, limit);
    }

    private static PersonalCard card(ResultSet rs) throws SQLException {
        return new PersonalCard(rs.getString("name"), rs.getString("uid"), rs.getString("vcard"),
                rs.getString("etag"), rs.getLong("seq"));
    }
}
