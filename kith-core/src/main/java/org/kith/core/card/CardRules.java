package org.kith.core.card;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ezvcard.VCard;
import ezvcard.parameter.ImageType;
import ezvcard.property.Photo;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.TooLarge;

/**
 * What makes a card acceptable, whichever surface it arrives through: a non-blank name, valid
 * phone numbers, known types, bounded sizes, a real image as photo. Errors name the field.
 * Thread-safe.
 */
public final class CardRules {
    private static final Pattern DATA_URI = Pattern.compile("^data:(image/(?:jpeg|png|gif));base64,(.*)$",
            Pattern.DOTALL);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int MAX_TEXT = 500;
    private static final int MAX_NOTE = 4000;
    private static final int MAX_ITEMS = 20;

    private final int maxPhotoBytes;
    private final int maxCardBytes;

    public CardRules(int maxPhotoBytes, int maxCardBytes) {
        this.maxPhotoBytes = maxPhotoBytes;
        this.maxCardBytes = maxCardBytes;
    }

    public int maxPhotoBytes() {
        return maxPhotoBytes;
    }

    public int maxCardBytes() {
        return maxCardBytes;
    }

    /** Validates the structured form and merges it over {@code previous} (null for a new card). */
    public ValidCard fromData(CardData data, VCard previous, String region) {
        if (data == null) {
            throw Invalid.value(ErrorCode.CARD_REQUIRED, "card", "a card is required");
        }
        List<String> numbers = checkData(data, region);
        byte[] photo = null;
        ImageType photoType = null;
        if (data.photo() != null && !data.photo().isBlank()) {
            Matcher m = DATA_URI.matcher(data.photo());
            if (!m.matches()) {
                throw Invalid.value(ErrorCode.PHOTO_NOT_DATA_URI, "photo",
                        "photo must be a data: URI of an image/jpeg, image/png or image/gif");
            }
            if (m.group(2).length() > maxPhotoBytes / 3 * 4 + 8) {
                throw new TooLarge(ErrorCode.PHOTO_TOO_LARGE,
                        "the photo is larger than " + maxPhotoBytes / 1024 + " KiB", "photo")
                        .with("maxBytes", maxPhotoBytes);
            }
            try {
                photo = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw Invalid.malformed(ErrorCode.PHOTO_NOT_BASE64, "photo", "the photo is not valid base64");
            }
            photoType = checkImage(photo, "photo");
        }
        return finish(CardCodec.merge(previous, data, photo, photoType), numbers, region);
    }

    /** Validates a card received as vCard text. */
    public ValidCard fromVcard(String text, String region) {
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length > maxCardBytes) {
            throw new TooLarge(ErrorCode.CARD_TOO_LARGE,
                    "the vCard is larger than " + maxCardBytes / 1024 + " KiB", "vcard")
                    .with("maxBytes", maxCardBytes);
        }
        VCard card = CardCodec.parse(text, "vcard");
        for (Photo photo : card.getPhotos()) {
            if (photo.getData() != null) {
                checkImage(photo.getData(), "PHOTO");
            }
        }
        CardData data = CardCodec.toData(card, region);
        List<String> numbers = checkData(data, region);
        return finish(card, numbers, region);
    }

    private ValidCard finish(VCard card, List<String> numbers, String region) {
        CardCodec.stampE164(card, region);
        String canonical = CardCodec.canonical(card);
        if (canonical.getBytes(StandardCharsets.UTF_8).length > maxCardBytes) {
            throw new TooLarge(ErrorCode.CARD_TOO_LARGE,
                    "the card is larger than " + maxCardBytes / 1024 + " KiB", "card")
                    .with("maxBytes", maxCardBytes);
        }
        return new ValidCard(canonical, CardCodec.etag(canonical), numbers);
    }

    private List<String> checkData(CardData data, String region) {
        if (data.fn() == null || data.fn().isBlank()) {
            throw Invalid.value(ErrorCode.NAME_EMPTY, "fn", "the name (fn) must not be empty");
        }
        text("fn", data.fn(), 200);
        text("org", data.org(), MAX_TEXT);
        text("title", data.title(), MAX_TEXT);
        text("note", data.note(), MAX_NOTE);
        if (data.n() != null) {
            text("n.family", data.n().family(), 200);
            text("n.given", data.n().given(), 200);
            text("n.additional", data.n().additional(), 200);
            text("n.prefixes", data.n().prefixes(), 200);
            text("n.suffixes", data.n().suffixes(), 200);
        }
        count("tel", data.tel());
        count("email", data.email());
        count("adr", data.adr());
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < data.tel().size(); i++) {
            CardData.Tel tel = data.tel().get(i);
            String field = "tel[" + i + "]";
            if (tel == null) {
                throw Invalid.value(ErrorCode.ITEM_NOT_OBJECT, field,
                        "a phone entry must be an object with type and value");
            }
            type(field + ".type", tel.type(), CardTypes.TEL);
            if (tel.value() == null || tel.value().isBlank()) {
                throw Invalid.value(ErrorCode.TEL_EMPTY, field + ".value", "the phone number is empty");
            }
            text(field + ".value", tel.value(), 64);
            String e164 = PhoneNumbers.toE164(tel.value(), region).orElseThrow(() -> Invalid.value(
                    ErrorCode.TEL_INVALID, field + ".value", "'" + tel.value()
                            + "' is not a valid phone number (read with region " + region
                            + "; use the +country form for other countries)")
                    .with("number", tel.value()).with("region", region));
            numbers.add(e164);
        }
        for (int i = 0; i < data.email().size(); i++) {
            CardData.Email email = data.email().get(i);
            String field = "email[" + i + "]";
            if (email == null) {
                throw Invalid.value(ErrorCode.ITEM_NOT_OBJECT, field,
                        "an e-mail entry must be an object with type and value");
            }
            type(field + ".type", email.type(), CardTypes.EMAIL);
            if (email.value() == null || !EMAIL.matcher(email.value().strip()).matches()) {
                throw Invalid.value(ErrorCode.EMAIL_INVALID, field + ".value", "'" + email.value()
                        + "' is not an e-mail address").with("address", email.value());
            }
            text(field + ".value", email.value(), 254);
        }
        for (int i = 0; i < data.adr().size(); i++) {
            CardData.Adr adr = data.adr().get(i);
            String field = "adr[" + i + "]";
            if (adr == null) {
                throw Invalid.value(ErrorCode.ITEM_NOT_OBJECT, field, "an address entry must be an object");
            }
            type(field + ".type", adr.type(), CardTypes.ADR);
            for (String part : new String[] {adr.poBox(), adr.extended(), adr.street(), adr.locality(),
                    adr.region(), adr.postalCode(), adr.country()}) {
                text(field, part, MAX_TEXT);
            }
        }
        return numbers;
    }

    private ImageType checkImage(byte[] bytes, String field) {
        if (bytes.length > maxPhotoBytes) {
            throw new TooLarge(ErrorCode.PHOTO_TOO_LARGE,
                    "the photo is larger than " + maxPhotoBytes / 1024 + " KiB", field)
                    .with("maxBytes", maxPhotoBytes);
        }
        ImageType type = Images.sniff(bytes);
        if (type == null) {
            throw Invalid.value(ErrorCode.PHOTO_NOT_IMAGE, field, "the photo is not a JPEG, PNG or GIF image");
        }
        return type;
    }

    private static void text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Invalid.value(ErrorCode.TEXT_TOO_LONG, field, field + " is longer than " + max + " characters")
                    .with("max", max);
        }
    }

    private static void count(String field, List<?> items) {
        if (items.size() > MAX_ITEMS) {
            throw Invalid.value(ErrorCode.TOO_MANY_ITEMS, field,
                    "at most " + MAX_ITEMS + " " + field + " entries are allowed").with("max", MAX_ITEMS);
        }
    }

    private static void type(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            String choices = String.join(", ", allowed.stream().sorted().toList());
            throw Invalid.value(ErrorCode.TYPE_UNKNOWN, field, "unknown type '" + value + "'; use one of " + choices)
                    .with("type", value).with("allowed", choices);
        }
    }
}
