package org.kith.server.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A vCard read just far enough to filter on it: unfolded content lines as property name
 * (group prefix dropped), parameters and unescaped value. Tolerant: a line it cannot read is skipped.
 */
final class VcardLines {
    record Property(String name, Map<String, List<String>> params, String value) {}

    private VcardLines() {}

    static List<Property> parse(String text) {
        List<Property> out = new ArrayList<>();
        for (String line : unfold(text)) {
            Property p = property(line);
            if (p != null && !p.name().equals("BEGIN") && !p.name().equals("END")) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && current != null) {
                current.append(raw, 1, raw.length());
            } else {
                if (current != null) {
                    lines.add(current.toString());
                }
                current = new StringBuilder(raw);
            }
        }
        if (current != null && !current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static Property property(String line) {
        int colon = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return null;
        }
        List<String> head = splitUnquoted(line.substring(0, colon), ';');
        String name = head.get(0);
        int dot = name.lastIndexOf('.');
        name = (dot >= 0 ? name.substring(dot + 1) : name).toUpperCase(Locale.ROOT);
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String param : head.subList(1, head.size())) {
            int eq = param.indexOf('=');
            String key = (eq < 0 ? "TYPE" : param.substring(0, eq)).toUpperCase(Locale.ROOT);
            String values = eq < 0 ? param : param.substring(eq + 1);
            for (String v : splitUnquoted(values, ',')) {
                String unquoted = v.replace("\"", "");
                // vCard 4 writes a list of types quoted, TYPE="cell,voice" (RFC 6350 §6.4.1): still a list
                for (String one : key.equals("TYPE") ? unquoted.split(",") : new String[] {unquoted}) {
                    params.computeIfAbsent(key, k -> new ArrayList<>()).add(one);
                }
            }
        }
        return new Property(name, params, unescape(line.substring(colon + 1)));
    }

    private static List<String> splitUnquoted(String s, char sep) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
