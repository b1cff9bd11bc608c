package org.kith.server.dav;

import java.util.List;
import java.util.Optional;

import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.model.BookChanges;
import org.kith.core.model.PersonalBook;
import org.kith.core.model.PersonalCard;

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
        return kith.personalBooks().cards(owner, book.slug()).stream().map(this::toDav).toList();
    }

    @Override
    public Optional<DavCard> card(String name) {
        return kith.personalBooks().card(owner, book.slug(), name).map(this::toDav);
    }

    @Override
    public SyncResult changes(String token, int limit) {
        BookChanges changes = kith.personalBooks().changes(owner, book.slug(), token, limit);
        return new SyncResult(changes.token(), changes.updated().stream().map(this::toDav).toList(),
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
                    existing.map(c -> c.nativeCondition(condition)).orElse(condition));
        } catch (Conflict e) {
            throw uidConflict(e);
        }
        boolean existed = existing.isPresent();
        return new Written(!existed, quoted(written.etag()));
    }

    @Override
    public void delete(String name, Precondition condition) {
        kith.personalBooks().deleteCard(owner, book.slug(), name,
                card(name).map(c -> c.nativeCondition(condition)).orElse(condition));
    }

    @Override
    public void describe(String displayName, String description) {
        // Removing the display name falls back to the book's name in the address.
        String name = displayName != null && displayName.isBlank() ? book.slug() : displayName;
        kith.personalBooks().update(owner, book.slug(), name, description);
    }

    @Override
    public void deleteBook() {
        kith.personalBooks().delete(owner, book.slug());
    }

    /** 409 with {@code no-uid-conflict} naming the card that already has the UID (RFC 6352 §6.3.2.1). */
    private DavError uidConflict(Conflict e) {
        if (e.code() != ErrorCode.UID_CONFLICT) {
            return DavErrors.of(e, "PUT");
        }
        String holder = (String) e.args().get("name");
        return new DavError(409, DavErrors.precondition(e.code()), e.getMessage(),
                Href.member(user, book.slug(), holder));
    }

    private DavCard toDav(PersonalCard card) {
        String etag = quoted(card.etag());
        VCardVersion stored = storedVersion(card.vcard());
        return new DavCard(card.name(), card.uid(), etag, stored, true,
                version -> version == stored ? card.vcard()
                        : cache.get(etag, version, () -> convert(card.vcard(), version)));
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
