package org.kith.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Short human-readable renderings of the API's objects. */
final class Describe {
    private Describe() {}

    /** A card on several lines: the name, then one indented line per field that is set. */
    static String card(JsonNode card) {
        List<String> lines = new ArrayList<>();
        lines.add(card.path("fn").asText());
        for (JsonNode t : card.path("tel")) {
            String e164 = Json.text(t, "e164");
            lines.add(field("tel", t.path("type").asText() + "  " + t.path("value").asText()
                    + (e164 != null && !e164.equals(t.path("value").asText()) ? "  (" + e164 + ")" : "")));
        }
        for (JsonNode e : card.path("email")) {
            lines.add(field("email", e.path("type").asText() + "  " + e.path("value").asText()));
        }
        for (String name : List.of("org", "title")) {
            String v = Json.text(card, name);
            if (v != null && !v.isBlank()) {
                lines.add(field(name, v));
            }
        }
        for (JsonNode a : card.path("adr")) {
            lines.add(field("adr", a.path("type").asText() + "  " + address(a)));
        }
        String note = Json.text(card, "note");
        if (note != null && !note.isBlank()) {
            lines.add(field("note", note.replace("\n", "\n         ")));
        }
        String photo = Json.text(card, "photo");
        if (photo != null && !photo.isBlank()) {
            int comma = photo.indexOf(',');
            String type = photo.startsWith("data:") && comma > 5 ? photo.substring(5, comma).replace(";base64", "") : "photo";
            long bytes = comma < 0 ? 0 : (photo.length() - comma - 1) * 3L / 4;
            lines.add(field("photo", type + ", " + (bytes < 1024 ? bytes + " bytes" : bytes / 1024 + " KiB")));
        }
        return String.join("\n", lines);
    }

    private static String field(String name, String value) {
        return "  " + name + " ".repeat(Math.max(1, 7 - name.length())) + value;
    }

    private static String address(JsonNode a) {
        List<String> parts = new ArrayList<>();
        for (String f : List.of("poBox", "extended", "street", "locality", "region", "postalCode", "country")) {
            String v = Json.text(a, f);
            if (v != null && !v.isBlank()) {
                parts.add(v);
            }
        }
        return String.join(", ", parts);
    }

    static String group(JsonNode g) {
        return "group " + g.path("id").asText() + " \"" + g.path("name").asText() + "\"";
    }

    static String limit(JsonNode g) {
        JsonNode limit = g.get("memberLimit");
        return g.path("memberCount").asInt() + (limit == null || limit.isNull() ? "" : "/" + limit.asInt());
    }

    /** "–" for absent values in tables. */
    static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
