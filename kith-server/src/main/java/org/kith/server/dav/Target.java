package org.kith.server.dav;

import java.util.ArrayList;
import java.util.List;

import org.kith.server.http.PathSegments;

/**
 * What a request path under {@code /dav/} names, decoded once. Collections may be named with or
 * without their trailing slash.
 */
sealed interface Target {
    /** {@code /}, the server's address: only discovery (PROPFIND, OPTIONS) is CardDAV's there. */
    record Front() implements Target {}

    record Root() implements Target {}

    record Principal(String user) implements Target {}

    record Home(String user) implements Target {}

    record Book(String user, String book) implements Target {}

    record Member(String user, String book, String name) implements Target {}

    /** A push registration URL ({@code /dav/push/<id>}); whose it is, the registration says. */
    record Registration(String id) implements Target {}

    /** The target of a raw request path (or href), or null when it names nothing Kith serves. */
    static Target parse(String rawPath) {
        return of(PathSegments.decode(rawPath));
    }

    /** The target of a path's decoded segments, or null (also for null: a path that could not be decoded). */
    static Target of(List<String> segments) {
        if (segments != null && segments.size() == 1 && segments.get(0).isEmpty()) {
            return new Front();
        }
        if (segments == null || segments.isEmpty() || !segments.get(0).equals("dav")) {
            return null;
        }
        List<String> s = new ArrayList<>(segments.subList(1, segments.size()));
        if (!s.isEmpty() && s.get(s.size() - 1).isEmpty()) {
            s.remove(s.size() - 1); // the trailing slash of a collection
        }
        if (s.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        if (s.isEmpty()) {
            return new Root();
        }
        return switch (s.get(0)) {
            case "principals" -> s.size() == 2 ? new Principal(s.get(1)) : null;
            case "push" -> s.size() == 2 ? new Registration(s.get(1)) : null;
            case "addressbooks" -> switch (s.size()) {
                case 2 -> new Home(s.get(1));
                case 3 -> new Book(s.get(1), s.get(2));
                case 4 -> new Member(s.get(1), s.get(2), s.get(3));
                default -> null;
            };
            default -> null;
        };
    }

    /** The user whose space this is, or null for the root. */
    default String user() {
        return null;
    }
}
