package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.PersonalCard;
import org.kith.core.model.PersonalCardRow;
import org.kith.core.model.StoredBook;

/**
 * Personal books and their card rows. A deleted card stays as a tombstone (deleted = 1, empty
 * text) so "changes since T" can report it; conditional writes are single statements whose
 * WHERE clause is the condition, so zero rows touched means the precondition failed.
 */
final class PersonalBookRows {
    /** Names per multiget statement: well below both databases' parameter limits. */
    private static final int NAMES_PER_STATEMENT = 500;
    /** The head is the top of the (book_id, seq) index: one index lookup per book, tombstones included. */
    private static final String BOOK_COLS = "id, owner_id, slug, display_name, description, created_seq, created_at, "
            + "COALESCE((SELECT MAX(personal_cards.seq) FROM personal_cards WHERE personal_cards.book_id = "
            + "personal_books.id), created_seq) AS head_seq";
    private static final String CARD_COLS = "name, uid, vcard, etag, seq, deleted";

    private final Sql sql;

    PersonalBookRows(Sql sql) {
        this.sql = sql;
    }

    // ---- books ------------------------------------------------------------------------------

    Optional<Long> insertBook(long ownerId, String slug, String displayName, String description, long seq,
                              Instant now) {
        return sql.insertIdIfAbsent("INSERT INTO personal_books (owner_id, slug, display_name, description, "
                + "created_seq, created_at) VALUES (?, ?, ?, ?, ?, ?)", ownerId, slug, displayName, description, seq,
                now);
    }

    List<StoredBook> books(long ownerId) {
        return sql.list("SELECT " + BOOK_COLS + " FROM personal_books WHERE owner_id = ? ORDER BY created_seq, id",
                PersonalBookRows::book, ownerId);
    }

    Optional<StoredBook> book(long ownerId, String slug) {
        return sql.one("SELECT " + BOOK_COLS + " FROM personal_books WHERE owner_id = ? AND slug = ?",
                PersonalBookRows::book, ownerId, slug);
    }

    int bookCount(long ownerId) {
        return (int) sql.number("SELECT COUNT(*) FROM personal_books WHERE owner_id = ?", ownerId);
    }

    void updateBook(long bookId, String displayName, String description) {
        sql.update("UPDATE personal_books SET display_name = ?, description = ? WHERE id = ?", displayName, description,
                bookId);
    }

    void deleteBook(long bookId) {
        sql.update("DELETE FROM personal_properties WHERE book_id = ?", bookId);
        sql.update("DELETE FROM personal_cards WHERE book_id = ?", bookId);
        sql.update("DELETE FROM personal_books WHERE id = ?", bookId);
    }

    void deleteBooksOf(long ownerId) {
        sql.update("DELETE FROM personal_properties WHERE book_id IN "
                + "(SELECT id FROM personal_books WHERE owner_id = ?)", ownerId);
        sql.update("DELETE FROM personal_cards WHERE book_id IN (SELECT id FROM personal_books WHERE owner_id = ?)",
                ownerId);
        sql.update("DELETE FROM personal_books WHERE owner_id = ?", ownerId);
    }

    // ---- cards ------------------------------------------------------------------------------

    List<PersonalCard> cards(long bookId) {
        return sql.list("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND deleted = 0 ORDER BY seq",
                PersonalBookRows::card, bookId);
    }

    Optional<PersonalCard> card(long bookId, String name) {
        return sql.one("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND name = ? AND deleted = 0",
                PersonalBookRows::card, bookId, name);
    }

    List<PersonalCard> cards(long bookId, Collection<String> names) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        List<PersonalCard> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += NAMES_PER_STATEMENT) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + NAMES_PER_STATEMENT));
            List<Object> params = new ArrayList<>();
            params.add(bookId);
            params.addAll(chunk);
            // no ORDER BY: sorting by seq would lead SQLite to walk the whole book on the seq index
            out.addAll(sql.list("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND deleted = 0 "
                    + "AND name IN (" + Sql.placeholders(chunk.size()) + ")", PersonalBookRows::card,
                    params.toArray()));
        }
        return out;
    }

    Optional<PersonalCard> cardByUid(long bookId, String uid) {
        return sql.one("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND uid = ? AND deleted = 0",
                PersonalBookRows::card, bookId, uid);
    }

    /** One statement: insert, or overwrite whatever row has the name (live or tombstone). */
    void put(long bookId, PersonalCard card) {
        sql.update("INSERT INTO personal_cards (book_id, name, uid, vcard, etag, seq, deleted) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (book_id, name) DO UPDATE SET uid = excluded.uid, "
                + "vcard = excluded.vcard, etag = excluded.etag, seq = excluded.seq, deleted = 0",
                bookId, card.name(), card.uid(), card.vcard(), card.etag(), card.seq());
    }

    /** One statement: insert a new name, or revive a tombstone; a live row is left alone. */
    boolean insert(long bookId, PersonalCard card) {
        return sql.update("INSERT INTO personal_cards (book_id, name, uid, vcard, etag, seq, deleted) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (book_id, name) DO UPDATE SET uid = excluded.uid, "
                + "vcard = excluded.vcard, etag = excluded.etag, seq = excluded.seq, deleted = 0 "
                + "WHERE personal_cards.deleted = 1",
                bookId, card.name(), card.uid(), card.vcard(), card.etag(), card.seq()) > 0;
    }

    boolean replace(long bookId, PersonalCard card, String expectedEtag) {
        String update = "UPDATE personal_cards SET uid = ?, vcard = ?, etag = ?, seq = ? "
                + "WHERE book_id = ? AND name = ? AND deleted = 0";
        if (expectedEtag == null) {
            return sql.update(update, card.uid(), card.vcard(), card.etag(), card.seq(), bookId, card.name()) > 0;
        }
        return sql.update(update + " AND etag = ?", card.uid(), card.vcard(), card.etag(), card.seq(), bookId,
                card.name(), expectedEtag) > 0;
    }

    /** The tombstone keeps name, UID and position; the text is dropped. */
    boolean delete(long bookId, String name, long seq, String expectedEtag) {
        String update = "UPDATE personal_cards SET vcard = '', etag = '', seq = ?, deleted = 1 "
                + "WHERE book_id = ? AND name = ? AND deleted = 0";
        if (expectedEtag == null) {
            return sql.update(update, seq, bookId, name) > 0;
        }
        return sql.update(update + " AND etag = ?", seq, bookId, name, expectedEtag) > 0;
    }

    List<PersonalCardRow> changes(long bookId, long afterSeq, boolean includeDeleted, int limit) {
        return sql.list("SELECT " + CARD_COLS + " FROM personal_cards WHERE book_id = ? AND seq > ?"
                + (includeDeleted ? "" : " AND deleted = 0") + " ORDER BY seq LIMIT ?",
                rs -> new PersonalCardRow(card(rs), rs.getInt("deleted") != 0), bookId, afterSeq, limit);
    }

    private static StoredBook book(ResultSet rs) throws SQLException {
        return new StoredBook(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("slug"),
                rs.getString("display_name"), rs.getString("description"), rs.getLong("created_seq"),
                rs.getLong("head_seq"), Sql.instant(rs, "created_at"));
    }

    private static PersonalCard card(ResultSet rs) throws SQLException {
        return new PersonalCard(rs.getString("name"), rs.getString("uid"), rs.getString("vcard"),
                rs.getString("etag"), rs.getLong("seq"));
    }
}
