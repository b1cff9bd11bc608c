package org.kith.server.dav;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kith.core.Precondition;

/**
 * One address book in a viewer's home: the merged book, a group's book or a personal book.
 * Implementations read through the core services, which apply the privacy policy; a book never
 * decides who sees what.
 */
interface DavBook {
    /** The book's path segment in the home: {@code all}, {@code group-12}, {@code contacts}. */
    String id();

    String displayName();

    String description();

    /** The newest feed position this viewer can see in the book (decimal). */
    String syncToken();

    List<DavCard> cards();

    Optional<DavCard> card(String name);

    default List<DavCard> cards(Collection<String> names) {
        List<DavCard> out = new ArrayList<>();
        for (String name : names) {
            card(name).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Changes since {@code token} (decimal feed position), at most about {@code limit}.
     * @throws org.kith.core.error.Gone when the token cannot be used
     */
    SyncResult changes(String token, int limit);

    /** Whether any card may be created, changed and deleted here (personal books), not only the own card. */
    boolean readWrite();

    /** The answer to a PUT: whether it created the card, and its new ETag (quoted). */
    record Written(boolean created, String etag) {}

    /**
     * Creates or replaces a card. Books that are not read-write take only the viewer's own card.
     * @param condition the request's If-Match / If-None-Match, compared inside the write
     */
    Written put(String name, String vcard, Precondition condition);

    default void delete(String name, Precondition condition) {
        throw DavError.readOnly("cards in this address book cannot be deleted; it shows the cards of your groups");
    }

    /** PROPPATCH of displayname/description: null leaves a value as it is. */
    default void describe(String displayName, String description) {
        throw DavError.readOnly("this address book's properties are set by its group");
    }

    default void deleteBook() {
        throw DavError.readOnly("this address book belongs to your groups; leave the group instead");
    }
}
