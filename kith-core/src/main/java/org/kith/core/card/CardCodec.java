package org.kith.core.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import ezvcard.property.VCardProperty;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;

/**
 * Converts between the three forms of a card: vCard text as received, the canonical stored form
 * (vCard 4.0 without UID/REV/PRODID) and {@link CardData}. Validation of values is done by
 * {@link CardRules}. Thread-safe.
 */
public final class CardCodec {

    static final String E164_PARAM = "X-KITH-E164";

    private CardCodec() {}

    /** Parses exactly one vCard; anything else is malformed input. */
    /**
     * vCard text allows no control characters but tab and line breaks (RFC 6350 §3.3: a value
     * is made of WSP and visible characters); stored, one would reach every member's phone.
     */
    private static void refuseControlCharacters(String text, String field) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7f) {
                throw Invalid.malformed(ErrorCode.VCARD_CONTROL_CHARACTER, field, String.format(
                        "the vCard holds the control character U+%04X on line %d; only tabs and line breaks are allowed",
                        (int) c, line)).with("line", line);
            }
        }
    }

    public static VCard parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Invalid.malformed(ErrorCode.VCARD_EMPTY, field, "the vCard is empty");
        }
        if (!text.stripLeading().regionMatches(true, 0, "BEGIN:VCARD", 0, 11)) {
            throw Invalid.malformed(ErrorCode.VCARD_MALFORMED, field, "a vCard must start with BEGIN:VCARD");
        }
        refuseControlCharacters(text, field);
        List<VCard> cards;
        try {
            cards = Ezvcard.parse(text).all();
        } catch (RuntimeException e) {
            throw Invalid.malformed(ErrorCode.VCARD_MALFORMED, field, "the vCard cannot be parsed: " + e.getMessage());
        }
        if (cards.size() != 1) {
            throw Invalid.malformed(ErrorCode.VCARD_NOT_SINGLE, field,
                    "expected exactly one vCard, found " + cards.size()).with("count", cards.size());
        }
        if (!text.toUpperCase(Locale.ROOT).contains("END:VCARD")) {
            throw Invalid.malformed(ErrorCode.VCARD_MALFORMED, field, "the vCard has no END:VCARD line");
        }
        return cards.get(0);
    }

    /** The canonical stored text: vCard 4.0, without UID, REV and PRODID. */
    public static String canonical(VCard card) {
        VCard copy = new VCard(card);
        copy.setUid(null);
        copy.setRevision((ezvcard.property.Revision) null);
        copy.setProductId((String) null);
        for (Email email : copy.getEmails()) {
            email.getTypes().remove(EmailType.INTERNET); // a vCard 3.0 leftover with no meaning in 4.0
        }
        return Ezvcard.write(copy).version(VCardVersion.V4_0).prodId(false).go();
    }

    /** Reads canonical text back (it was produced by {@link #canonical}, so it parses). */
    public static VCard fromCanonical(String canonical) {
        return Ezvcard.parse(canonical).first();
    }

    /** The card as served: the canonical card with {@code uid} set, in the asked version. */
    public static String render(String canonical, String uid, VCardVersion version) {
        VCard card = fromCanonical(canonical);
        card.setUid(new Uid(uid));
        for (Telephone tel : card.getTelephoneNumbers()) {
            tel.getParameters().removeAll(E164_PARAM); // internal: the number as matched, not for clients
        }
        if (version == VCardVersion.V3_0 && card.getStructuredName() == null && card.getFormattedName() != null) {
            StructuredName n = new StructuredName(); // N is required in vCard 3.0; the name as typed is the best guess
            n.setFamily(card.getFormattedName().getValue());
            card.setStructuredName(n);
        }
        return Ezvcard.write(card).version(version).prodId(false).go();
    }

    /**
     * Records each number's E.164 form on its TEL property, computed once with the writer's
     * region, so every reader sees the same normalised number whatever their own region.
     */
    static void stampE164(VCard card, String region) {
        for (Telephone tel : card.getTelephoneNumbers()) {
            tel.getParameters().removeAll(E164_PARAM);
            PhoneNumbers.toE164(telText(tel), region).ifPresent(e164 -> tel.getParameters().put(E164_PARAM, e164));
        }
    }

    private static String telText(Telephone tel) {
        return tel.getText() != null ? tel.getText() : tel.getUri() != null ? tel.getUri().getNumber() : "";
    }

    /** Hash of the canonical text: the compare-and-swap token of a stored card. */
    public static String etag(String canonical) {
        return sha256(canonical).substring(0, 32);
    }

    /** The strong ETag of a card served under {@code uid} (quotes included). */
    public static String servedEtag(String storedEtag, String uid) {
        return "\"" + sha256(storedEtag + "\n" + uid).substring(0, 32) + "\"";
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- vCard -> CardData --------------------------------------------------------------------

    /** The structured view of a card; {@code region} is used to compute each number's E.164 form. */
    public static CardData toData(VCard card, String region) {
        FormattedName fn = card.getFormattedName();
        StructuredName sn = card.getStructuredName();
        CardData.Name name = sn == null ? null : new CardData.Name(nz(sn.getFamily()), nz(sn.getGiven()),
                String.join(",", sn.getAdditionalNames()), String.join(",", sn.getPrefixes()),
                String.join(",", sn.getSuffixes()));
        List<CardData.Tel> tels = new ArrayList<>();
        for (Telephone tel : card.getTelephoneNumbers()) {
            String value = telText(tel);
            String stamped = tel.getParameters().first(E164_PARAM);
            tels.add(new CardData.Tel(CardTypes.telType(tel.getTypes()), value,
                    stamped != null ? stamped : PhoneNumbers.toE164(value, region).orElse(null)));
        }
        List<CardData.Email> emails = new ArrayList<>();
        for (Email email : card.getEmails()) {
            emails.add(new CardData.Email(CardTypes.emailType(email.getTypes()), nz(email.getValue())));
        }
        List<CardData.Adr> adrs = new ArrayList<>();
        for (Address a : card.getAddresses()) {
            adrs.add(new CardData.Adr(CardTypes.adrType(a.getTypes()), nz(a.getPoBox()), nz(a.getExtendedAddress()),
                    nz(a.getStreetAddress()), nz(a.getLocality()), nz(a.getRegion()), nz(a.getPostalCode()),
                    nz(a.getCountry())));
        }
        Organization org = card.getOrganization();
        String title = card.getTitles().isEmpty() ? null : card.getTitles().get(0).getValue();
        String note = card.getNotes().isEmpty() ? null : card.getNotes().get(0).getValue();
        String photo = null;
        if (!card.getPhotos().isEmpty()) {
            Photo p = card.getPhotos().get(0);
            if (p.getData() != null) {
                String type = p.getContentType() == null ? "image/jpeg" : p.getContentType().getMediaType();
                photo = "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(p.getData());
            } else if (p.getUrl() != null) {
                photo = p.getUrl();
            }
        }
        return new CardData(fn == null ? "" : nz(fn.getValue()), name, tels, emails,
                org == null ? null : String.join(";", org.getValues()), title, adrs, note, photo);
    }

    // ---- CardData -> vCard --------------------------------------------------------------------

    /**
     * The stored card with the fields of {@code data} written over it: every property the
     * structured form covers is replaced, everything else (X- properties, BDAY, URL, ...) is kept.
     * {@code previous} may be null for a new card. {@code data} must already be validated.
     */
    public static VCard merge(VCard previous, CardData data, byte[] photoBytes, ImageType photoType) {
        VCard card = previous == null ? new VCard() : new VCard(previous);
        for (Class<? extends VCardProperty> covered : List.of(FormattedName.class, StructuredName.class,
                Telephone.class, Email.class, Organization.class, Title.class, Address.class, Note.class,
                Photo.class)) {
            card.removeProperties(covered);
        }
        card.setFormattedName(data.fn().strip());
        if (data.n() != null) {
            StructuredName sn = new StructuredName();
            sn.setFamily(blankToNull(data.n().family()));
            sn.setGiven(blankToNull(data.n().given()));
            addAll(sn.getAdditionalNames(), data.n().additional());
            addAll(sn.getPrefixes(), data.n().prefixes());
            addAll(sn.getSuffixes(), data.n().suffixes());
            card.setStructuredName(sn);
        }
        for (CardData.Tel tel : data.tel()) {
            Telephone t = new Telephone(tel.value().strip());
            TelephoneType type = CardTypes.telTypeOf(tel.type());
            if (type != null) {
                t.getTypes().add(type);
            }
            card.addTelephoneNumber(t);
        }
        for (CardData.Email email : data.email()) {
            Email e = new Email(email.value().strip());
            EmailType type = CardTypes.emailTypeOf(email.type());
            if (type != null) {
                e.getTypes().add(type);
            }
            card.addEmail(e);
        }
        if (data.org() != null && !data.org().isBlank()) {
            card.setOrganization(data.org().strip().split(";"));
        }
        if (data.title() != null && !data.title().isBlank()) {
            card.addTitle(new Title(data.title().strip()));
        }
        for (CardData.Adr adr : data.adr()) {
            Address a = new Address();
            a.setPoBox(blankToNull(adr.poBox()));
            a.setExtendedAddress(blankToNull(adr.extended()));
            a.setStreetAddress(blankToNull(adr.street()));
            a.setLocality(blankToNull(adr.locality()));
            a.setRegion(blankToNull(adr.region()));
            a.setPostalCode(blankToNull(adr.postalCode()));
            a.setCountry(blankToNull(adr.country()));
            AddressType type = CardTypes.adrTypeOf(adr.type());
            if (type != null) {
                a.getTypes().add(type);
            }
            card.addAddress(a);
        }
        if (data.note() != null && !data.note().isBlank()) {
            card.addNote(new Note(data.note()));
        }
        if (photoBytes != null) {
            card.addPhoto(new Photo(photoBytes, photoType));
        }
        return card;
    }

    private static void addAll(List<String> target, String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return;
        }
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                target.add(part.strip());
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
