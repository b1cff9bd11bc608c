package org.kith.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds API paths from user input: each value is percent-encoded exactly once, as one segment. */
final class UrlPaths {
    private UrlPaths() {}

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code /groups/{id}} plus more literal segments, e.g. group("12", "members"). */
    static String group(String id, String... rest) {
        StringBuilder sb = new StringBuilder("/groups/").append(segment(id));
        for (String r : rest) {
            sb.append('/').append(r);
        }
        return sb.toString();
    }
}
