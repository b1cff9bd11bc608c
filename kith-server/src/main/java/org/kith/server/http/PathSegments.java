package org.kith.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a raw request path into segments and percent-decodes each exactly once, so that
 * {@code %2F} inside a username stays inside its segment and {@code %40} becomes {@code @}.
 */
public final class PathSegments {
    private PathSegments() {}

    /** The decoded segments of a raw path ({@code /a/b%20c} gives {@code [a, b c]}), or null if undecodable. */
    public static List<String> decode(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String[] raw = path.length() <= 1 ? new String[] {""} : path.substring(1).split("/", -1);
        List<String> segments = new ArrayList<>(raw.length);
        for (String s : raw) {
            try {
                // '+' is a literal plus in a path, not a space (that is only so in form bodies)
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return segments;
    }
}
