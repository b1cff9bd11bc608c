package org.kith.server.dav;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kith.core.Precondition;
import org.kith.core.model.DeadProperty;
import org.kith.core.model.PropertyChange;

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

    /**
     * The cards among {@code names} (addressbook-multiget), each once, in any order; names that
     * are not here are left out. One read whose cost follows the names, not the book.
     */
    List<DavCard> cards(Collection<String> names);

    /**
     * Changes since {@code token} (decimal feed position), at most about {@code limit}.
     * @throws org.kith.core.error.Gone when the token cannot be used
     */
    SyncResult changes(String token, int limit);

    /** Whether any card may be created, changed and deleted here (personal books), not only the own card. */
    boolean readWrite();

    /**
     * What the book's {@code current-user-privilege-set} grants. Clients such as DAVx5 decide
     * per book whether its cards can be edited, so a book whose cards are mostly other people's
     * grants only reading, even though the viewer's own card is accepted there too.
     */
    enum Access {
        /** Reading only: the merged and the group books. */
        READ,
        /** Reading, and replacing the one card there, the viewer's own: {@code me/}. */
        OWN_CARD,
        /** Everything: personal books. */
        READ_WRITE
    }

    default Access access() {
        return readWrite() ? Access.READ_WRITE : Access.READ;
    }

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

    /** The dead properties a client stored on the book itself (only personal books keep any). */
    default List<DeadProperty> properties() {
        return List.of();
    }

    /**
     * PROPPATCH of the book ({@code card} null) or one of its cards: dead properties set and
     * removed in order and, for the book, displayname/description (null leaves a value as it is),
     * all or nothing.
     */
    default void patch(String card, String displayName, String description, List<PropertyChange> changes) {
        throw DavError.readOnly("this address book's properties are set by its group");
    }

    default void deleteBook() {
        throw DavError.readOnly("this address book belongs to your groups; leave the group instead");
    }
}
