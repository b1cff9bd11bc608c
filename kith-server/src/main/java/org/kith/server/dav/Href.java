package org.kith.server.dav;

import java.nio.charset.StandardCharsets;

/**
 * Builds hrefs from decoded path segments, encoding each exactly once. Request paths are
 * decoded exactly once by the kernel's {@link org.kith.server.http.PathSegments}; together they round-trip
 * names with {@code @}, spaces, {@code %} and non-ASCII characters.
 */
final class Href {
    static final String ROOT = "/dav/";

    private Href() {}

    static String principal(String user) {
        return ROOT + "principals/" + segment(user) + "/";
    }

    static String home(String user) {
        return ROOT + "addressbooks/" + segment(user) + "/";
    }

    static String book(String user, String book) {
        return home(user) + segment(book) + "/";
    }

    static String member(String user, String book, String name) {
        return book(user, book) + segment(name);
    }

    /** Percent-encodes one path segment: everything but RFC 3986 unreserved characters and {@code @}. */
    static String segment(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length() + 8);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
