package org.kith.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.kith.core.card.ClientVcard;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Gone;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.error.TooLarge;
import org.kith.core.feed.SyncToken;
import org.kith.core.model.BookChanges;
import org.kith.core.model.DeadProperty;
import org.kith.core.model.PersonalBook;
import org.kith.core.model.PersonalCard;
import org.kith.core.model.PersonalCardRow;
import org.kith.core.model.PropertyChange;
import org.kith.core.model.StoredBook;
import org.kith.core.store.StoreTx;

/**
 * A person's own read-write address books, served over CardDAV like any standards-compliant
 * server's books (RFC 6352, sync-collection per RFC 6578). They are private: the {@code owner}
 * is always the authenticated caller, and another person's book simply does not exist
 * ({@link NotFound}). Nothing here is shared with groups, so no change notice is published.
 *
 * <p>Every card write takes a new position from the feed clock and stores it on the card's row;
 * a deletion leaves a tombstone at its position. A book's sync token is the newest position of
 * its rows, so "changes since T" is one index range, O(changes). Conditional writes
 * ({@code If-Match}, {@code If-None-Match: *}) are compare-and-swap statements in the store,
 * never a check followed by a write.
 *
 * <p>Each owner gets the book {@value #DEFAULT_SLUG} the first time their books are read, or
 * another book is created, while they have none; an owner who deletes every book gets it back
 * the same way. Thread-safe.
 */
public final class PersonalBooks {
    /** The slug of the book every owner starts with. */
    public static final String DEFAULT_SLUG = "contacts";
    static final String DEFAULT_DISPLAY_NAME = "Contacts";

    private final Services services;

    PersonalBooks(Services services) {
        this.services = services;
    }

    // ---- books ------------------------------------------------------------------------------

    /**
     * The owner's books, oldest first; creates the default book if the owner has none.
     * @throws NotFound if there is no such account
     */
    public List<PersonalBook> list(long owner) {
        List<StoredBook> books = services.read(tx -> tx.books().list(owner));
        if (books.isEmpty()) {
            createDefaultIfNone(owner);
            books = services.read(tx -> tx.books().list(owner));
        }
        return books.stream().map(PersonalBooks::view).toList();
    }

    /** The owner's book with this slug; asking for the default book creates it if the owner has none. */
    public Optional<PersonalBook> book(long owner, String slug) {
        try {
            return Optional.of(readBook(owner, slug, (tx, book) -> view(book)));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a book (CardDAV extended MKCOL); an owner who has no book yet gets the default
     * one first.
     * @param displayName null for the slug itself; otherwise 1-256 characters
     * @param description null for none; at most 4000 characters
     * @throws Invalid (field {@code slug}) for a malformed or reserved slug ({@code all},
     *         {@code group-…}), or for a bad display name or description
     * @throws Conflict if the owner has a book with this slug, or already has
     *         {@link Limits#maxPersonalBooks()} books
     */
    public PersonalBook create(long owner, String slug, String displayName, String description) {
        BookNames.slug(slug);
        String name = BookNames.displayName(displayName);
        String about = BookNames.description(description);
        return services.write(tx -> {
            long seq = tx.feed().nextSeq();
            requireAccount(tx, owner);
            // a first book made before the owner's books were ever listed joins the default one
            long created = !slug.equals(DEFAULT_SLUG) && insertDefaultIfNone(tx, owner, seq) ? tx.feed().nextSeq()
                    : seq;
            if (tx.books().get(owner, slug).isPresent()) {
                throw new Conflict(ErrorCode.BOOK_EXISTS, "you already have a book named '" + slug + "'", "slug")
                        .with("slug", slug);
            }
            int max = services.limits.maxPersonalBooks();
            if (tx.books().count(owner) >= max) {
                throw new Conflict(ErrorCode.BOOK_LIMIT_REACHED, "you already have " + max
                        + " address books, the most allowed", "slug").with("max", max);
            }
            tx.books().insert(owner, slug, name == null ? slug : name, about == null ? "" : about, created,
                    services.now()).orElseThrow(() -> new Conflict(ErrorCode.BOOK_EXISTS,
                    "you already have a book named '" + slug + "'", "slug").with("slug", slug));
            return view(tx.books().get(owner, slug).orElseThrow());
        });
    }

    /**
     * Renames a book or changes its description (CardDAV PROPPATCH); null leaves a value as it
     * is. Does not change the sync token: no card changed.
     * @throws NotFound if the owner has no such book
     * @throws Invalid for a blank or over-long display name or an over-long description
     */
    public PersonalBook update(long owner, String slug, String displayName, String description) {
        String name = BookNames.displayName(displayName);
        String about = BookNames.description(description);
        return services.write(tx -> {
            StoredBook book = writableBook(tx, owner, slug, tx.feed().nextSeq());
            tx.books().update(book.id(), name == null ? book.displayName() : name,
                    about == null ? book.description() : about);
            return view(tx.books().get(owner, slug).orElseThrow());
        });
    }

    /**
     * Deletes a book with all its cards and tombstones. A book created later under the same
     * slug starts at a later position, so tokens of this one are refused there.
     * @throws NotFound if the owner has no such book
     */
    public void delete(long owner, String slug) {
        services.write(tx -> {
            tx.feed().nextSeq(); // serialises with card writes to the same book
            tx.books().delete(existingBook(tx, owner, slug).id());
            return null;
        });
    }

    /** Deletes all of the owner's books and their cards, leaving no rows behind (account removal). */
    public void deleteAll(long owner) {
        services.write(tx -> {
            tx.feed().nextSeq();
            tx.books().deleteAllOf(owner);
            return null;
        });
    }

    // ---- cards ------------------------------------------------------------------------------

    /**
     * The book's live cards, in order of their last write.
     * @throws NotFound if the owner has no such book
     */
    public List<PersonalCard> cards(long owner, String slug) {
        return readBook(owner, slug, (tx, book) -> tx.bookCards().list(book.id()));
    }

    /**
     * The live card of that resource name; empty also for names no card could have.
     * @throws NotFound if the owner has no such book
     */
    public Optional<PersonalCard> card(long owner, String slug, String name) {
        return readBook(owner, slug, (tx, book) -> BookNames.isCardName(name) ? tx.bookCards().get(book.id(), name)
                : Optional.<PersonalCard>empty());
    }

    /**
     * The cards among {@code names} that exist (addressbook-multiget), in the order asked,
     * each once.
     * @throws NotFound if the owner has no such book
     */
    public List<PersonalCard> cards(long owner, String slug, Collection<String> names) {
        List<String> wanted = names.stream().filter(BookNames::isCardName).distinct().toList();
        return readBook(owner, slug, (tx, book) -> {
            if (wanted.isEmpty()) {
                return List.<PersonalCard>of();
            }
            Map<String, PersonalCard> found = new LinkedHashMap<>();
            tx.bookCards().list(book.id(), wanted).forEach(c -> found.put(c.name(), c));
            return wanted.stream().filter(found::containsKey).map(found::get).toList();
        });
    }

    /**
     * Stores a card under a resource name, its UID taken as sent ({@link UidRule#AS_SENT}); see
     * {@link #put(long, String, String, String, Precondition, UidRule)}.
     */
    public PersonalCard put(long owner, String slug, String name, String vcard, Precondition condition) {
        return put(owner, slug, name, vcard, condition, UidRule.AS_SENT);
    }

    /**
     * Stores a card under a resource name (CardDAV PUT). The text is kept as sent, with CRLF
     * line endings (and, under {@link UidRule#KEPT}, a UID line added where it had none); the
     * returned card carries its new etag and position.
     * @param condition compared with the card now under the name, inside the write
     * @param uidRule whether a replaced card may change its UID
     * @throws NotFound if the owner has no such book
     * @throws Invalid (field {@code name}) for a bad name; (field {@code vcard}) for a vCard
     *         that is malformed, not 3.0/4.0, holds a control character, or lacks a UID or FN
     * @throws TooLarge (field {@code vcard}) over {@link Limits#maxCardBytes()} UTF-8 bytes
     * @throws Conflict (field {@code uid}) if another live card of the book has the UID, or
     *         (under {@link UidRule#KEPT}) the card under this name has another UID
     * @throws PreconditionFailed if {@code condition} does not hold
     */
    public PersonalCard put(long owner, String slug, String name, String vcard, Precondition condition,
                            UidRule uidRule) {
        Precondition.require(condition);
        BookNames.cardName(name);
        int max = services.limits.maxCardBytes();
        boolean assignUid = uidRule == UidRule.KEPT && ClientVcard.lacksUid(vcard);
        // checked before the transaction; a UID to be assigned is stood in for by one of its length
        ClientVcard sent = ClientVcard.accept(assignUid ? ClientVcard.withUid(vcard, UUID.randomUUID().toString())
                : vcard, max, "vcard");
        return services.writeFor(owner, tx -> {
            long first = tx.feed().nextSeq();
            StoredBook book = writableBook(tx, owner, slug, first);
            // a book created just now holds that position; its first card needs a later one
            long seq = book.createdSeq() == first ? tx.feed().nextSeq() : first;
            Optional<PersonalCard> stored = tx.bookCards().get(book.id(), name);
            String current = stored.map(PersonalCard::etag).orElse(null);
            ClientVcard card = !assignUid || stored.isEmpty() ? sent
                    : ClientVcard.accept(ClientVcard.withUid(vcard, stored.get().uid()), max, "vcard");
            if (uidRule == UidRule.KEPT && stored.isPresent() && !stored.get().uid().equals(card.uid())
                    && condition.holds(current)) {
                throw new Conflict(ErrorCode.UID_CHANGED, "the card '" + name + "' has the UID "
                        + stored.get().uid() + "; a card keeps its UID, so store the card with UID " + card.uid()
                        + " under another name", "uid").with("uid", stored.get().uid()).with("name", name);
            }
            tx.bookCards().byUid(book.id(), card.uid()).filter(other -> !other.name().equals(name)).ifPresent(other -> {
                throw new Conflict(ErrorCode.UID_CONFLICT, "the card '" + other.name()
                        + "' in this book already has the UID " + card.uid(), "uid")
                        .with("uid", card.uid()).with("name", other.name());
            });
            if (!condition.holds(current)) {
                throw condition.failure(name, current != null);
            }
            if (card.etag().equals(current)) {
                return stored.get(); // the same bytes again: nothing changed, so no token or ctag moves
            }
            PersonalCard written = new PersonalCard(name, card.uid(), card.text(), card.etag(), seq);
            if (!swap(tx, book.id(), written, condition, current)) {
                throw condition.failure(name, tx.bookCards().get(book.id(), name).isPresent());
            }
            return written;
        });
    }

    /** The write as one compare-and-swap statement on what {@code condition} was compared with. */
    private static boolean swap(StoreTx tx, long bookId, PersonalCard card, Precondition condition, String current) {
        if (condition.unconditional()) {
            tx.bookCards().put(bookId, card);
            return true;
        }
        return condition.mustBeAbsent() ? tx.bookCards().insert(bookId, card)
                : tx.bookCards().replace(bookId, card, current);
    }

    /**
     * Deletes a card (CardDAV DELETE), leaving a tombstone so sync reports it removed.
     * @param condition compared with the card now under the name, inside the deletion
     * @throws NotFound if there is no such book, or no such card and no condition
     * @throws Invalid (field {@code name}) for a bad name
     * @throws PreconditionFailed if {@code condition} does not hold (including: no such card)
     */
    public void deleteCard(long owner, String slug, String name, Precondition condition) {
        Precondition.require(condition);
        BookNames.cardName(name);
        services.writeFor(owner, tx -> {
            long seq = tx.feed().nextSeq();
            StoredBook book = existingBook(tx, owner, slug);
            String current = tx.bookCards().get(book.id(), name).map(PersonalCard::etag).orElse(null);
            if (current == null && condition.unconditional()) {
                throw new NotFound(ErrorCode.CARD_NOT_FOUND, "there is no card named '" + name + "' in this book")
                        .with("name", name);
            }
            if (current == null || condition.mustBeAbsent() || !condition.holds(current)
                    || !tx.bookCards().delete(book.id(), name, seq, current)) {
                throw condition.failure(name, current != null);
            }
            tx.bookProperties().removeAll(book.id(), name);
            return null;
        });
    }

    /**
     * Moves a card to another name, in the same or another of the owner's books (WebDAV MOVE),
     * with its dead properties: the source becomes a tombstone and the card is written at the
     * destination, each at a new position, in one transaction.
     * @param overwrite whether a live card at the destination may be replaced
     * @return whether a live card at the destination was replaced
     * @throws NotFound if either book or the source card does not exist
     * @throws Invalid (field {@code name}) for a bad name, or a card moved onto itself
     * @throws PreconditionFailed if a live card is at the destination and {@code overwrite} is false
     * @throws Conflict (field {@code uid}) if another card of the destination book has the card's UID
     */
    public boolean move(long owner, String slug, String name, String toSlug, String toName, boolean overwrite) {
        BookNames.cardName(name);
        BookNames.cardName(toName);
        if (slug.equals(toSlug) && name.equals(toName)) {
            throw Invalid.value(ErrorCode.CARD_MOVED_ONTO_ITSELF, "name", "a card cannot be moved onto itself");
        }
        return services.writeFor(owner, tx -> {
            long first = tx.feed().nextSeq();
            StoredBook from = existingBook(tx, owner, slug);
            StoredBook to = writableBook(tx, owner, toSlug, first);
            long removedAt = to.createdSeq() == first ? tx.feed().nextSeq() : first;
            long writtenAt = tx.feed().nextSeq();
            PersonalCard card = tx.bookCards().get(from.id(), name).orElseThrow(() -> new NotFound(ErrorCode.CARD_NOT_FOUND,
                    "there is no card named '" + name + "' in this book").with("name", name));
            Optional<PersonalCard> replaced = tx.bookCards().get(to.id(), toName);
            if (replaced.isPresent() && !overwrite) {
                throw new PreconditionFailed(ErrorCode.CARD_EXISTS, "a card named '" + toName
                        + "' already exists (Overwrite: F)");
            }
            tx.bookCards().byUid(to.id(), card.uid())
                    .filter(other -> !other.name().equals(toName) && !(to.id() == from.id() && other.name().equals(name)))
                    .ifPresent(other -> {
                        throw new Conflict(ErrorCode.UID_CONFLICT, "the card '" + other.name()
                                + "' in that book already has the UID " + card.uid(), "uid")
                                .with("uid", card.uid()).with("name", other.name());
                    });
            tx.bookCards().delete(from.id(), name, removedAt, null);
            tx.bookCards().put(to.id(), new PersonalCard(toName, card.uid(), card.vcard(), card.etag(), writtenAt));
            tx.bookProperties().move(from.id(), name, to.id(), toName);
            return replaced.isPresent();
        });
    }

    // ---- dead properties ------------------------------------------------------------------------

    /** The resource name of the book itself, for its dead properties. */
    public static final String BOOK_RESOURCE = "";
    /** Most dead properties one book or card may carry. */
    public static final int MAX_PROPERTIES = 100;
    static final int MAX_PROPERTY_VALUE_CHARS = 65_536;
    static final int MAX_PROPERTY_NAME_CHARS = 255;
    static final int MAX_NAMESPACE_CHARS = 1024;

    /**
     * The dead properties of the book ({@link #BOOK_RESOURCE}) and of its cards, by resource.
     * @throws NotFound if the owner has no such book
     */
    public Map<String, List<DeadProperty>> properties(long owner, String slug) {
        return readBook(owner, slug, (tx, book) -> tx.bookProperties().all(book.id()));
    }

    /**
     * The dead properties of some of the book's resources (the book is {@link #BOOK_RESOURCE}).
     * @throws NotFound if the owner has no such book
     */
    public Map<String, List<DeadProperty>> properties(long owner, String slug, Collection<String> resources) {
        return readBook(owner, slug, (tx, book) -> tx.bookProperties().of(book.id(), resources));
    }

    /**
     * PROPPATCH of the book ({@link #BOOK_RESOURCE}) or one of its live cards: sets and removes
     * dead properties in the order given (removing one that is not set is no error) and, for the
     * book, sets its display name and description (null leaves them), all in one transaction or
     * not at all. No card changes, so the sync token stays.
     * @throws NotFound if the owner has no such book, or no live card of that name
     * @throws Invalid (field {@code property}) for a name over {@value #MAX_PROPERTY_NAME_CHARS}
     *         characters, a namespace over {@value #MAX_NAMESPACE_CHARS}, a value over
     *         {@value #MAX_PROPERTY_VALUE_CHARS}, or more than {@link #MAX_PROPERTIES} properties on
     *         the resource; (fields {@code displayName}, {@code description}) as {@link #update}
     */
    public void patch(long owner, String slug, String resource, String displayName, String description,
                      List<PropertyChange> changes) {
        boolean onBook = resource.equals(BOOK_RESOURCE);
        if (!onBook && (displayName != null || description != null)) {
            throw new IllegalArgumentException("only a book has a display name and a description");
        }
        String name = BookNames.displayName(displayName);
        String about = BookNames.description(description);
        for (PropertyChange change : changes) {
            checkProperty(change);
        }
        services.write(tx -> {
            StoredBook book = writableBook(tx, owner, slug, tx.feed().nextSeq());
            if (!onBook && tx.bookCards().get(book.id(), resource).isEmpty()) {
                throw new NotFound(ErrorCode.CARD_NOT_FOUND, "there is no card named '" + resource + "' in this book")
                        .with("name", resource);
            }
            Set<String> set = new LinkedHashSet<>();
            tx.bookProperties().of(book.id(), List.of(resource)).getOrDefault(resource, List.of())
                    .forEach(p -> set.add(p.namespace() + "\n" + p.name()));
            for (PropertyChange change : changes) {
                String key = change.namespace() + "\n" + change.name();
                if (change.removes()) {
                    tx.bookProperties().remove(book.id(), resource, change.namespace(), change.name());
                    set.remove(key);
                } else {
                    tx.bookProperties().set(book.id(), resource,
                            new DeadProperty(change.namespace(), change.name(), change.value()));
                    set.add(key);
                }
            }
            if (set.size() > MAX_PROPERTIES) {
                throw Invalid.value(ErrorCode.PROPERTIES_TOO_MANY, "property", "a book or card can carry at most "
                        + MAX_PROPERTIES + " properties of your own").with("max", MAX_PROPERTIES);
            }
            if (onBook && (name != null || about != null)) {
                tx.books().update(book.id(), name == null ? book.displayName() : name,
                        about == null ? book.description() : about);
            }
            return null;
        });
    }

    private static void checkProperty(PropertyChange change) {
        if (change.name() == null || change.name().isEmpty() || change.name().length() > MAX_PROPERTY_NAME_CHARS
                || change.namespace() == null || change.namespace().length() > MAX_NAMESPACE_CHARS) {
            throw Invalid.value(ErrorCode.PROPERTY_NAME_INVALID, "property", "a property's name must be 1-"
                    + MAX_PROPERTY_NAME_CHARS + " characters in a namespace of at most " + MAX_NAMESPACE_CHARS)
                    .with("max", MAX_PROPERTY_NAME_CHARS);
        }
        if (!change.removes() && change.value().length() > MAX_PROPERTY_VALUE_CHARS) {
            throw Invalid.value(ErrorCode.PROPERTY_VALUE_TOO_LONG, "property", "the value of {" + change.namespace()
                    + "}" + change.name() + " is longer than " + MAX_PROPERTY_VALUE_CHARS + " characters")
                    .with("max", MAX_PROPERTY_VALUE_CHARS);
        }
    }

    // ---- sync -------------------------------------------------------------------------------

    /**
     * What changed since {@code token} (RFC 6578 sync-collection), at most {@code limit} items,
     * oldest first. A null or empty token is an initial sync: every live card, no removals.
     * When more remain, the answer is truncated and its token continues exactly after the last
     * item; otherwise its token is the book's sync token.
     * @throws NotFound if the owner has no such book
     * @throws Invalid if {@code limit} is below 1
     * @throws Gone (resync required) for a token that is not a position, that is from before
     *         the book was created, or from the future
     */
    public BookChanges changes(long owner, String slug, String token, int limit) {
        if (limit < 1) {
            throw Invalid.value(ErrorCode.PAGE_LIMIT_INVALID, "limit", "the limit must be at least 1");
        }
        boolean initial = token == null || token.isEmpty();
        return readBook(owner, slug, (tx, book) -> {
            long after = initial ? book.createdSeq() : validToken(tx, book, token);
            int fetch = limit == Integer.MAX_VALUE ? limit : limit + 1; // one more tells whether more remain
            List<PersonalCardRow> rows = tx.bookCards().changes(book.id(), after, !initial, fetch);
            boolean truncated = rows.size() > limit;
            List<PersonalCardRow> page = truncated ? rows.subList(0, limit) : rows;
            List<PersonalCard> updated = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (PersonalCardRow row : page) {
                if (row.deleted()) {
                    removed.add(row.card().name());
                } else {
                    updated.add(row.card());
                }
            }
            long next = truncated ? page.get(page.size() - 1).card().seq() : book.headSeq();
            return new BookChanges(SyncToken.format(next), updated, removed, truncated);
        });
    }

    private static long validToken(StoreTx tx, StoredBook book, String token) {
        long seq = SyncToken.parse(token);
        if (seq < book.createdSeq()) {
            throw Gone.resyncRequired(ErrorCode.SYNC_TOKEN_TOO_OLD,
                    "the sync token is from before this address book was created; "
                    + "a full resync is needed");
        }
        if (seq > tx.feed().currentSeq()) {
            throw Gone.resyncRequired(ErrorCode.SYNC_TOKEN_INVALID,
                    "the sync token is from the future; a full resync is needed");
        }
        return seq;
    }

    // ---- plumbing ---------------------------------------------------------------------------

    /**
     * Runs {@code work} on the owner's book in one read transaction. A miss on the default slug
     * while the owner has no books creates the default book and reads again.
     */
    private <T> T readBook(long owner, String slug, BiFunction<StoreTx, StoredBook, T> work) {
        Function<StoreTx, Optional<T>> attempt = tx -> tx.books().get(owner, slug).map(book -> work.apply(tx, book));
        Optional<T> result = services.read(attempt);
        if (result.isEmpty() && DEFAULT_SLUG.equals(slug) && createDefaultIfNone(owner)) {
            result = services.read(attempt);
        }
        return result.orElseThrow(() -> noSuchBook(slug));
    }

    /** The book to write into, creating the default book at {@code seq} if it is the one asked for and missing. */
    private StoredBook writableBook(StoreTx tx, long owner, String slug, long seq) {
        Optional<StoredBook> book = tx.books().get(owner, slug);
        if (book.isEmpty() && DEFAULT_SLUG.equals(slug) && insertDefaultIfNone(tx, owner, seq)) {
            book = tx.books().get(owner, slug);
        }
        return book.orElseThrow(() -> noSuchBook(slug));
    }

    private static StoredBook existingBook(StoreTx tx, long owner, String slug) {
        return tx.books().get(owner, slug).orElseThrow(() -> noSuchBook(slug));
    }

    /** True if this call created the default book. */
    private boolean createDefaultIfNone(long owner) {
        return services.write(tx -> insertDefaultIfNone(tx, owner, tx.feed().nextSeq()));
    }

    /** Needs the clock taken ({@code seq}): that serialises two first visits of one owner. */
    private boolean insertDefaultIfNone(StoreTx tx, long owner, long seq) {
        requireAccount(tx, owner);
        if (tx.books().count(owner) > 0) {
            return false;
        }
        return tx.books().insert(owner, DEFAULT_SLUG, DEFAULT_DISPLAY_NAME, "", seq, services.now()).isPresent();
    }

    private static void requireAccount(StoreTx tx, long owner) {
        if (tx.accounts().get(owner).isEmpty()) {
            throw new NotFound(ErrorCode.ACCOUNT_NOT_FOUND, "no such account");
        }
    }

    private static NotFound noSuchBook(String slug) {
        return new NotFound(ErrorCode.BOOK_NOT_FOUND, "you have no address book named '" + slug + "'")
                .with("slug", slug);
    }

    private static PersonalBook view(StoredBook book) {
        return new PersonalBook(book.id(), book.ownerId(), book.slug(), book.displayName(), book.description(),
                SyncToken.format(book.headSeq()), book.createdAt());
    }
}
