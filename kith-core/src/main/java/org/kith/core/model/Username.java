package org.kith.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A username as someone wrote it, compared and looked up without regard to letter case: "Ann",
 * "ann" and "ANN" name one account. The comparison key is the root-locale lower case, the same
 * whatever the server's locale (no Turkish dotless i). The one home of that rule: compare
 * usernames through this type, never with {@code equalsIgnoreCase} or a bare {@code toLowerCase}.
 * Immutable and thread-safe.
 */
public final class Username {
    private static final Pattern FORM = Pattern.compile("^[A-Za-z0-9._-]{3,32}$");
    private final String text;
    private final String key;

    private Username(String text) {
        this.text = text;
        this.key = text.toLowerCase(Locale.ROOT);
    }

    /** Any text (a lookup of something that is not a username simply finds nobody). */
    public static Username of(String text) {
        return new Username(Objects.requireNonNull(text, "username"));
    }

    /** Whether two texts name the same username; false if either is null. */
    public static boolean same(String a, String b) {
        return a != null && b != null && of(a).equals(of(b));
    }

    /** The form a new account's username must have: 3-32 ASCII letters, digits, '.', '_' or '-'. */
    public static boolean wellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** As written. */
    public String text() {
        return text;
    }

    /** The case-insensitive comparison key, for indexes and maps. */
    public String key() {
        return key;
    }

    /** Whether {@code other} names this username (false for null). */
    public boolean matches(String other) {
        return same(text, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Username u && u.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
