package org.kith.server.dav;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kith.core.Kith;
import org.kith.core.PersonalBooks;
import org.kith.core.Precondition;
import org.kith.core.UidRule;
import org.kith.core.card.ClientVcard;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.model.BookChanges;
import org.kith.core.model.DeadProperty;
import org.kith.core.model.PersonalBook;
import org.kith.core.model.PersonalCard;
import org.kith.core.model.PropertyChange;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;

/**
 * A personal read-write book: any card may be created, replaced and deleted, as on any CardDAV
 * server. Cards are served as they were stored; asked for the other vCard version, converted.
 */
final class PersonalDavBook implements DavBook {
    private final Kith kith;
    private final long owner;
    private final String user;
    private final PersonalBook book;
    private final RenderCache cache;

    PersonalDavBook(Kith kith, long owner, String user, PersonalBook book, RenderCache cache) {
        this.kith = kith;
        this.owner = owner;
        this.user = user;
        this.book = book;
        this.cache = cache;
    }

    @Override
    public String id() {
        return book.slug();
    }

    @Override
    public String displayName() {
        return book.displayName();
    }

    @Override
    public String description() {
        return book.description();
    }

    @Override
    public String syncToken() {
        return book.syncToken();
    }

    @Override
    public List<DavCard> cards() {
        Map<String, List<DeadProperty>> stored = kith.personalBooks().properties(owner, book.slug());
        return kith.personalBooks().cards(owner, book.slug()).stream().map(c -> toDav(c, stored)).toList();
    }

    @Override
    public Optional<DavCard> card(String name) {
        return kith.personalBooks().card(owner, book.slug(), name)
                .map(c -> toDav(c, kith.personalBooks().properties(owner, book.slug(), List.of(name))));
    }

    @Override
    public List<DavCard> cards(Collection<String> names) {
        List<PersonalCard> found = kith.personalBooks().cards(owner, book.slug(), names);
        Map<String, List<DeadProperty>> stored = found.isEmpty() ? Map.of()
                : kith.personalBooks().properties(owner, book.slug(), found.stream().map(PersonalCard::name).toList());
        return found.stream().map(c -> toDav(c, stored)).toList();
    }

    @Override
    public List<DeadProperty> properties() {
        return kith.personalBooks().properties(owner, book.slug(), List.of(PersonalBooks.BOOK_RESOURCE))
                .getOrDefault(PersonalBooks.BOOK_RESOURCE, List.of());
    }

    @Override
    public SyncResult changes(String token, int limit) {
        BookChanges changes = kith.personalBooks().changes(owner, book.slug(), token, limit);
        Map<String, List<DeadProperty>> stored = changes.updated().isEmpty() ? Map.of() : kith.personalBooks()
                .properties(owner, book.slug(), changes.updated().stream().map(PersonalCard::name).toList());
        return new SyncResult(changes.token(), changes.updated().stream().map(c -> toDav(c, stored)).toList(),
                changes.removedNames(), changes.truncated());
    }

    @Override
    public boolean readWrite() {
        return true;
    }

    @Override
    public Written put(String name, String vcard, Precondition condition) {
        Optional<DavCard> existing = card(name);
        PersonalCard written;
        try {
            written = kith.personalBooks().put(owner, book.slug(), name, vcard,
                    existing.map(c -> c.nativeCondition(condition)).orElse(condition), UidRule.KEPT);
        } catch (Conflict e) {
            throw uidConflict(e);
        }
        // a UID the server added makes the stored bytes differ from the sent ones: no ETag (RFC 6352 §6.3.2.3)
        boolean asSent = !ClientVcard.lacksUid(vcard);
        return new Written(existing.isEmpty(), asSent ? quoted(written.etag()) : null);
    }

    @Override
    public void delete(String name, Precondition condition) {
        kith.personalBooks().deleteCard(owner, book.slug(), name,
                card(name).map(c -> c.nativeCondition(condition)).orElse(condition));
    }

    @Override
    public void patch(String card, String displayName, String description, List<PropertyChange> changes) {
        // Removing the display name falls back to the book's name in the address.
        String name = displayName != null && displayName.isBlank() ? book.slug() : displayName;
        kith.personalBooks().patch(owner, book.slug(), card == null ? PersonalBooks.BOOK_RESOURCE : card, name,
                description, changes);
    }

    /** MOVE of one of this book's cards into {@code to}; whether a card there was replaced. */
    boolean move(String name, PersonalDavBook to, String toName, boolean overwrite) {
        return kith.personalBooks().move(owner, book.slug(), name, to.book.slug(), toName, overwrite);
    }

    @Override
    public void deleteBook() {
        kith.personalBooks().delete(owner, book.slug());
    }

    /**
     * {@code no-uid-conflict} (RFC 6352 §6.3.2.1): 409 for a UID another card of the book has,
     * naming that card; 403 for a PUT that would change the card's UID, naming the card itself.
     */
    private DavError uidConflict(Conflict e) {
        if (e.code() != ErrorCode.UID_CONFLICT && e.code() != ErrorCode.UID_CHANGED) {
            return DavErrors.of(e, "PUT");
        }
        String holder = (String) e.args().get("name");
        return new DavError(e.code() == ErrorCode.UID_CHANGED ? 403 : 409, DavErrors.precondition(e.code()),
                e.getMessage(), Href.member(user, book.slug(), holder));
    }

    private DavCard toDav(PersonalCard card, Map<String, List<DeadProperty>> properties) {
        String etag = quoted(card.etag());
        VCardVersion stored = storedVersion(card.vcard());
        return new DavCard(card.name(), card.uid(), etag, stored, true,
                version -> version == stored ? card.vcard()
                        : cache.get(etag, version, () -> convert(card.vcard(), version)),
                properties.getOrDefault(card.name(), List.of()));
    }

    private static VCardVersion storedVersion(String text) {
        return text.contains("\nVERSION:4.0") || text.startsWith("VERSION:4.0") ? VCardVersion.V4_0 : VCardVersion.V3_0;
    }

    private static String convert(String text, VCardVersion version) {
        VCard card = Ezvcard.parse(text).first();
        return card == null ? text : Ezvcard.write(card).version(version).prodId(false).go();
    }

    private static String quoted(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }
}
