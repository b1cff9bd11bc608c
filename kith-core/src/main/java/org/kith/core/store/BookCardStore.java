package org.kith.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.PersonalCard;
import org.kith.core.model.PersonalCardRow;

/**
 * The cards of personal books, by resource name. A card row is live or a tombstone; two live
 * cards of one book never share a UID (a duplicate is a database failure: the services check
 * first). Every write gives the row the caller's position ({@code card.seq()} or {@code seq}),
 * which must be a new one from {@link FeedStore#nextSeq()}: positions are unique within a book.
 * Conditional writes are compare-and-swap, reported as false. Confined to its transaction's thread.
 */
public interface BookCardStore {

    /** The book's live cards in order of their last write, oldest first. */
    List<PersonalCard> list(long bookId);

    /** The live card of that name. */
    Optional<PersonalCard> get(long bookId, String name);

    /**
     * The live cards among {@code names}, in any order; names that do not exist are left out and
     * a name given twice counts once. A store may read them all at once (multiget).
     */
    default List<PersonalCard> list(long bookId, Collection<String> names) {
        List<PersonalCard> found = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            get(bookId, name).ifPresent(found::add);
        }
        return found;
    }

    /** The live card with this UID. */
    Optional<PersonalCard> byUid(long bookId, String uid);

    /** Writes the card whatever is stored under its name: inserts, replaces, or revives a tombstone. */
    void put(long bookId, PersonalCard card);

    /** Writes the card only if no live card has its name (a new name or a tombstone); false otherwise. */
    boolean insert(long bookId, PersonalCard card);

    /**
     * Replaces the live card of that name only if its etag equals {@code expectedEtag} (any live
     * card when null). False when there was none or the swap lost.
     */
    boolean replace(long bookId, PersonalCard card, String expectedEtag);

    /**
     * Turns the live card into a tombstone at {@code seq} only if its etag equals
     * {@code expectedEtag} (any live card when null). False when there was none or the swap lost.
     */
    boolean delete(long bookId, String name, long seq, String expectedEtag);

    /**
     * Card rows with seq above {@code afterSeq}, oldest first, at most {@code limit}; tombstones
     * only when {@code includeDeleted}. Must cost O(rows returned), plus the tombstones passed
     * over when they are left out.
     */
    List<PersonalCardRow> changes(long bookId, long afterSeq, boolean includeDeleted, int limit);
}
