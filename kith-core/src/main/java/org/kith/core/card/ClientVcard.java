package org.kith.core.card;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ezvcard.VCard;
import ezvcard.property.Uid;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.TooLarge;

/**
 * A vCard a client stores in one of its owner's personal books, kept as the client sent it:
 * only line endings are normalised (to CRLF), so X- properties, folding and property order
 * survive, and the ETag is a hash of exactly the bytes that will be served.
 *
 * <p>Accepted: at most {@code maxBytes} UTF-8 bytes (checked before parsing), exactly one vCard,
 * VERSION 3.0 or 4.0, a non-blank UID of at most {@link #MAX_UID_BYTES} bytes, and an FN
 * property. Unlike a member's own card, nothing else is judged: a personal book is the owner's
 * private address book and holds whatever their devices put there.
 */
public record ClientVcard(String text, String uid, String etag) {
    /** Bounds the indexed UID (PostgreSQL refuses B-tree entries above ~2.7 kB). */
    public static final int MAX_UID_BYTES = 1000;
    private static final Pattern VERSION = Pattern.compile("^VERSION:(.*)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** A UID property line, with or without a group prefix and parameters. */
    private static final Pattern UID_LINE = Pattern.compile("^([A-Za-z0-9-]+\\.)?UID[;:]", Pattern.CASE_INSENSITIVE
            | Pattern.MULTILINE);

    /**
     * Checks a vCard for storage.
     * @param field the input field named in errors (for example {@code vcard})
     * @throws TooLarge if the text is over {@code maxBytes} UTF-8 bytes
     * @throws Invalid malformed if it is not exactly one parseable vCard; a value error when the
     *         version, UID or FN is wrong
     */
    public static ClientVcard accept(String text, int maxBytes, String field) {
        if (text != null && (text.length() > maxBytes || text.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
            throw new TooLarge(ErrorCode.CARD_TOO_LARGE, "the vCard is larger than " + maxBytes + " bytes", field)
                    .with("maxBytes", maxBytes);
        }
        String stored = crlf(text);
        VCard card = CardCodec.parse(stored, field);
        checkVersion(stored, field);
        Uid uid = card.getUid();
        if (uid == null || uid.getValue() == null || uid.getValue().isBlank()) {
            throw Invalid.value(ErrorCode.VCARD_UID_MISSING, field,
                    "the vCard has no UID; every card in an address book needs one");
        }
        if (uid.getValue().getBytes(StandardCharsets.UTF_8).length > MAX_UID_BYTES) {
            throw Invalid.value(ErrorCode.VCARD_UID_TOO_LONG, field, "the vCard's UID is longer than " + MAX_UID_BYTES
                    + " bytes").with("maxBytes", MAX_UID_BYTES);
        }
        if (card.getFormattedNames().isEmpty()) {
            throw Invalid.value(ErrorCode.NAME_EMPTY, field, "the vCard has no FN (formatted name)");
        }
        return new ClientVcard(stored, uid.getValue(), CardCodec.etag(stored));
    }

    /** Whether the text has no UID property at all (an empty one is a UID, and refused by {@link #accept}). */
    public static boolean lacksUid(String text) {
        return text != null && !UID_LINE.matcher(text).find();
    }

    /**
     * The text with a UID line after its VERSION line (or its BEGIN:VCARD line); text that is
     * no vCard comes back as it is, for {@link #accept} to refuse.
     */
    public static String withUid(String text, String uid) {
        Matcher version = VERSION.matcher(text);
        int begin = text.toUpperCase(Locale.ROOT).indexOf("BEGIN:VCARD");
        int at = version.find() ? version.end() : begin < 0 ? -1 : begin + "BEGIN:VCARD".length();
        if (at < 0) {
            return text;
        }
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        return text.substring(0, at) + eol + "UID:" + uid + text.substring(at);
    }

    /** CRLF line endings, whatever the client used (RFC 6350 §3.2); nothing else changes. */
    static String crlf(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    /** Reads the VERSION line itself: the parser quietly assumes 2.1 when it is missing or unknown. */
    private static void checkVersion(String text, String field) {
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw Invalid.value(ErrorCode.VCARD_VERSION_MISSING, field,
                    "the vCard has no VERSION; 3.0 or 4.0 is required");
        }
        String version = m.group(1).strip();
        if (!version.equals("3.0") && !version.equals("4.0")) {
            throw Invalid.value(ErrorCode.VCARD_VERSION_UNSUPPORTED, field, "vCard VERSION " + version
                    + " is not supported; use 3.0 or 4.0").with("version", version);
        }
    }
}
