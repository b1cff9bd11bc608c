package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.StoredBook;
import org.kith.core.store.BookStore;

/** Personal books. Deleting a book deletes its card rows ({@link PersonalCardRows}) with it. */
final class PersonalBookRows implements BookStore {
    /** The head is the top of the (book_id, seq) index: one index lookup per book, tombstones included. */
    private static final String BOOK_COLS = "id, owner_id, slug, display_name, description, created_seq, created_at, "
            + "COALESCE((SELECT MAX(personal_cards.seq) FROM personal_cards WHERE personal_cards.book_id = "
            + "personal_books.id), created_seq) AS head_seq";

    private final Sql sql;

    PersonalBookRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Long> insert(long ownerId, String slug, String displayName, String description, long seq,
                                 Instant now) {
        return sql.insertIdIfAbsent("INSERT INTO personal_books (owner_id, slug, display_name, description, "
                + "created_seq, created_at) VALUES (?, ?, ?, ?, ?, ?)", ownerId, slug, displayName, description, seq,
                now);
    }

    @Override
    public List<StoredBook> list(long ownerId) {
        return sql.list("SELECT " + BOOK_COLS + " FROM personal_books WHERE owner_id = ? ORDER BY created_seq, id",
                PersonalBookRows::book, ownerId);
    }

    @Override
    public Optional<StoredBook> get(long ownerId, String slug) {
        return sql.one("SELECT " + BOOK_COLS + " FROM personal_books WHERE owner_id = ? AND slug = ?",
                PersonalBookRows::book, ownerId, slug);
    }

    @Override
    public int count(long ownerId) {
        return (int) sql.number("SELECT COUNT(*) FROM personal_books WHERE owner_id = ?", ownerId);
    }

    @Override
    public void update(long bookId, String displayName, String description) {
        sql.update("UPDATE personal_books SET display_name = ?, description = ? WHERE id = ?", displayName, description,
                bookId);
    }

    @Override
    public void delete(long bookId) {
        sql.update("DELETE FROM personal_properties WHERE book_id = ?", bookId);
        sql.update("DELETE FROM personal_cards WHERE book_id = ?", bookId);
        sql.update("DELETE FROM personal_books WHERE id = ?", bookId);
    }

    @Override
    public void deleteAllOf(long ownerId) {
        sql.update("DELETE FROM personal_properties WHERE book_id IN "
                + "(SELECT id FROM personal_books WHERE owner_id = ?)", ownerId);
        sql.update("DELETE FROM personal_cards WHERE book_id IN (SELECT id FROM personal_books WHERE owner_id = ?)",
                ownerId);
        sql.update("DELETE FROM personal_books WHERE owner_id = ?", ownerId);
    }

    private static StoredBook book(ResultSet rs) throws SQLException {
        return new StoredBook(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("slug"),
                rs.getString("display_name"), rs.getString("description"), rs.getLong("created_seq"),
                rs.getLong("head_seq"), Sql.instant(rs, "created_at"));
    }
}
