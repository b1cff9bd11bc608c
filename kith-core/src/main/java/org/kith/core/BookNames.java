package org.kith.core;

import java.util.Locale;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;

/** What a personal book's slug, its cards' resource names and its labels may be. */
final class BookNames {
    static final int MAX_SLUG_CHARS = 64;
    static final int MAX_NAME_CHARS = 255;
    static final int MAX_DISPLAY_NAME_CHARS = 256;
    static final int MAX_DESCRIPTION_CHARS = 4000;

    private BookNames() {}

    /**
     * A book's path segment in its owner's home. {@code all}, {@code me} and {@code group-…}
     * (any letter case) are where the home shows the merged book, the owner's own card and the
     * group books.
     */
    static String slug(String slug) {
        if (slug == null || slug.isEmpty() || slug.equals(".") || slug.equals("..")
                || slug.codePointCount(0, slug.length()) > MAX_SLUG_CHARS
                || slug.codePoints().anyMatch(c -> c == '/' || Character.isISOControl(c))) {
            throw Invalid.value(ErrorCode.BOOK_SLUG_INVALID, "slug", "a book's name in the address must be 1-"
                    + MAX_SLUG_CHARS + " characters without '/' or control characters, and not '.' or '..'")
                    .with("max", MAX_SLUG_CHARS);
        }
        String lower = slug.toLowerCase(Locale.ROOT);
        if (lower.equals("all") || lower.equals("me") || lower.startsWith("group-")) {
            throw Invalid.value(ErrorCode.BOOK_SLUG_RESERVED, "slug", "the slug '" + slug
                    + "' is reserved for the books Kith keeps for you").with("slug", slug);
        }
        return slug;
    }

    /** Whether a resource name could be stored; reads of other names simply find nothing. */
    static boolean isCardName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")
                || name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '/' || Character.isISOControl(c));
    }

    /** A card's resource name as the DAV layer decoded it, for example {@code Ann Lee.vcf}. */
    static String cardName(String name) {
        if (!isCardName(name)) {
            throw Invalid.value(ErrorCode.CARD_NAME_INVALID, "name", "a card's name must be 1-" + MAX_NAME_CHARS
                    + " characters without '/' or control characters, and not '.' or '..'")
                    .with("max", MAX_NAME_CHARS);
        }
        return name;
    }

    /** Null means "not given". */
    static String displayName(String displayName) {
        if (displayName == null) {
            return null;
        }
        if (displayName.isBlank()) {
            throw Invalid.value(ErrorCode.BOOK_NAME_EMPTY, "displayName", "a book's display name must not be empty");
        }
        if (displayName.length() > MAX_DISPLAY_NAME_CHARS || displayName.chars().anyMatch(Character::isISOControl)) {
            throw Invalid.value(ErrorCode.BOOK_NAME_TOO_LONG, "displayName", "a book's display name must be at most "
                    + MAX_DISPLAY_NAME_CHARS + " characters without control characters")
                    .with("max", MAX_DISPLAY_NAME_CHARS);
        }
        return displayName;
    }

    /** Null means "not given"; empty clears it. Line breaks are allowed. */
    static String description(String description) {
        if (description == null) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION_CHARS) {
            throw Invalid.value(ErrorCode.BOOK_DESCRIPTION_TOO_LONG, "description",
                    "a book's description must be at most " + MAX_DESCRIPTION_CHARS + " characters")
                    .with("max", MAX_DESCRIPTION_CHARS);
        }
        return description;
    }
}
