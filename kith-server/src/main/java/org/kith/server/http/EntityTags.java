package org.kith.server.http;

import java.util.ArrayList;
import java.util.List;

import org.kith.core.Precondition;

/**
 * {@code If-Match} and {@code If-None-Match} (RFC 9110 §13.1.1, §13.1.2), parsed once for every
 * surface. A list may hold several tags, quoted (commas inside quotes are part of the tag) or,
 * leniently, bare; {@code W/} marks a weak tag.
 */
public final class EntityTags {
    /** One tag of a list: its opaque text without quotes, and whether it was weak. */
    public record Tag(String opaque, boolean weak) {}

    private EntityTags() {}

    /**
     * The precondition of a write. Weak tags are left out (they never match a write), so a list
     * of only weak tags can never hold; {@code If-None-Match} other than {@code *} does not
     * guard a write here, and {@code If-Match} together with {@code If-None-Match: *} cannot hold.
     */
    public static Precondition precondition(String ifMatch, String ifNoneMatch) {
        boolean mustBeAbsent = isStar(ifNoneMatch);
        boolean hasIfMatch = ifMatch != null && !ifMatch.isBlank();
        if (mustBeAbsent) {
            return hasIfMatch ? Precondition.matching() : Precondition.absent();
        }
        if (!hasIfMatch) {
            return Precondition.none();
        }
        if (isStar(ifMatch)) {
            return Precondition.exists();
        }
        return Precondition.matching(parse(ifMatch).stream().filter(t -> !t.weak()).map(Tag::opaque).toList());
    }

    /**
     * Whether a GET's {@code If-None-Match} names {@code etag} (quoted): {@code *}, or any tag of
     * the list under weak comparison, as RFC 9110 §13.1.2 asks. Then the answer is 304.
     */
    public static boolean noneMatchFails(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (isStar(ifNoneMatch)) {
            return true;
        }
        String opaque = etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
        return parse(ifNoneMatch).stream().anyMatch(t -> t.opaque().equals(opaque));
    }

    /** The tags of a comma-separated list, in order; empty for null or blank. */
    public static List<Tag> parse(String header) {
        List<Tag> tags = new ArrayList<>();
        if (header == null) {
            return tags;
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = header.startsWith("W/", i);
            if (weak) {
                i += 2;
            }
            int end;
            String opaque;
            if (i < n && header.charAt(i) == '"') {
                end = header.indexOf('"', i + 1);
                if (end < 0) {
                    end = n; // an unclosed quote: the rest is the tag
                }
                opaque = header.substring(i + 1, end);
                end++;
            } else {
                end = i;
                while (end < n && header.charAt(end) != ',' && header.charAt(end) != ' ' && header.charAt(end) != '\t') {
                    end++;
                }
                opaque = header.substring(i, end);
            }
            if (!opaque.isEmpty()) {
                tags.add(new Tag(opaque, weak));
            }
            i = end;
        }
        return tags;
    }

    private static boolean isStar(String header) {
        return header != null && header.strip().equals("*");
    }
}
