package org.kith.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.StoredBook;

/**
 * A person's own read-write address books, each named by a slug unique to its owner (compared
 * exactly). A book's head is the newest position of its cards, tombstones included (its
 * creation position while empty). Confined to its transaction's thread.
 */
public interface BookStore {

    /** Inserts a book created at {@code seq}; returns its id, or empty if the owner has a book with this slug. */
    Optional<Long> insert(long ownerId, String slug, String displayName, String description, long seq, Instant now);

    /** The owner's books, oldest first. */
    List<StoredBook> list(long ownerId);

    Optional<StoredBook> get(long ownerId, String slug);

    /** How many books the owner has. A store may answer without listing them. */
    default int count(long ownerId) {
        return list(ownerId).size();
    }

    void update(long bookId, String displayName, String description);

    /** Deletes the book with all its card rows, tombstones included, and its dead properties. */
    void delete(long bookId);

    /** Deletes every book of the owner with all their card rows and dead properties (removing an account's data). */
    void deleteAllOf(long ownerId);
}
