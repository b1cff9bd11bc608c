package org.kith.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes user input into one URL path segment, once. */
final class Paths {
    private Paths() {}

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
