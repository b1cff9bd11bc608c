package org.kith.e2e.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A vCard read line by line (RFC 6350 §3.2 unfolding), enough for tests to look at properties;
 * and small builders for the cards tests send.
 */
final class VCardText {
    /** One content line: upper-case name (group prefix dropped), raw parameters, raw value. */
    record Property(String name, String params, String value) {
        /** Whether a TYPE parameter (either version's spelling) contains {@code type}. */
        boolean hasType(String type) {
            String p = params.toLowerCase(Locale.ROOT);
            return p.matches(".*type=[^;:]*\\b" + type.toLowerCase(Locale.ROOT) + "\\b.*");
        }
    }

    private final List<Property> properties;

    private VCardText(List<Property> properties) {
        this.properties = properties;
    }

    static VCardText parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r\n|\n")) {
            if ((raw.startsWith(" ") || raw.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
            } else if (!raw.isEmpty()) {
                lines.add(raw);
            }
        }
        List<Property> props = new ArrayList<>();
        for (String line : lines) {
            int colon = valueStart(line);
            if (colon < 0) {
                throw new AssertionError("a vCard line without ':': " + line);
            }
            String head = line.substring(0, colon);
            int semi = head.indexOf(';');
            String name = semi < 0 ? head : head.substring(0, semi);
            String params = semi < 0 ? "" : head.substring(semi + 1);
            int dot = name.indexOf('.');
            if (dot >= 0) {
                name = name.substring(dot + 1);
            }
            props.add(new Property(name.toUpperCase(Locale.ROOT), params, line.substring(colon + 1)));
        }
        return new VCardText(props);
    }

    /** The first ':' outside a quoted parameter value. */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    List<Property> all(String name) {
        return properties.stream().filter(p -> p.name().equals(name.toUpperCase(Locale.ROOT))).toList();
    }

    Optional<String> first(String name) {
        return all(name).stream().findFirst().map(Property::value);
    }

    String version() {
        return first("VERSION").orElse("");
    }

    /** A vCard 3.0 with UID, FN, N and any further content lines, CRLF-terminated. */
    static String v3(String uid, String fn, String... lines) {
        return build("3.0", uid, fn, lines);
    }

    static String v4(String uid, String fn, String... lines) {
        return build("4.0", uid, fn, lines);
    }

    private static String build(String version, String uid, String fn, String... lines) {
        StringBuilder b = new StringBuilder("BEGIN:VCARD\r\nVERSION:").append(version).append("\r\n")
                .append("UID:").append(uid).append("\r\n")
                .append("FN:").append(fn).append("\r\n")
                .append("N:").append(fn).append(";;;;\r\n");
        for (String l : lines) {
            b.append(l).append("\r\n");
        }
        return b.append("END:VCARD\r\n").toString();
    }
}
