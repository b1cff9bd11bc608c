package org.kith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** The card fields a command can set; only the ones given change. */
final class CardOptions {
    @Option(names = "--fn", description = "full name") String fn;
    @Option(names = "--tel", description = "TYPE=NUMBER, e.g. cell=13800138000 (repeat; replaces all numbers)")
    List<String> tel;
    @Option(names = "--email", description = "TYPE=ADDRESS (repeat; replaces all addresses)") List<String> email;
    @Option(names = "--org", description = "organisation") String org;
    @Option(names = "--title", description = "job title") String title;
    @Option(names = "--note", description = "note") String note;
    @Option(names = "--photo", description = "a JPEG, PNG or GIF file") Path photo;

    /** {@code base} (may be null) with the given fields written over it. */
    ObjectNode applyTo(JsonNode base) {
        ObjectNode card = base != null && base.isObject() ? ((ObjectNode) base).deepCopy() : ApiClient.JSON.createObjectNode();
        if (fn != null) {
            card.put("fn", fn);
        }
        if (tel != null) {
            card.set("tel", typed(tel, "--tel"));
        }
        if (email != null) {
            card.set("email", typed(email, "--email"));
        }
        if (org != null) {
            card.put("org", org);
        }
        if (title != null) {
            card.put("title", title);
        }
        if (note != null) {
            card.put("note", note);
        }
        if (photo != null) {
            card.put("photo", dataUri(photo));
        }
        return card;
    }

    private static ArrayNode typed(List<String> values, String option) {
        ArrayNode array = ApiClient.JSON.createArrayNode();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new CliError(CliError.USAGE, option + " takes TYPE=VALUE, e.g. cell=13800138000, not '" + v + "'");
            }
            array.addObject().put("type", v.substring(0, eq).toLowerCase(Locale.ROOT)).put("value", v.substring(eq + 1));
        }
        return array;
    }

    private static String dataUri(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String type = name.endsWith(".png") ? "image/png" : name.endsWith(".gif") ? "image/gif" : "image/jpeg";
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new CliError(CliError.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A short human-readable view of a card. */
    static String describe(JsonNode card) {
        List<String> lines = new ArrayList<>();
        lines.add(card.path("fn").asText());
        for (JsonNode t : card.path("tel")) {
            lines.add("  tel   " + t.path("type").asText() + ": " + t.path("value").asText()
                    + (t.hasNonNull("e164") ? "  (" + t.get("e164").asText() + ")" : ""));
        }
        for (JsonNode e : card.path("email")) {
            lines.add("  email " + e.path("type").asText() + ": " + e.path("value").asText());
        }
        Map<String, String> more = new LinkedHashMap<>();
        more.put("org", card.path("org").asText(null));
        more.put("title", card.path("title").asText(null));
        more.put("note", card.path("note").asText(null));
        more.forEach((k, v) -> {
            if (v != null && !v.isEmpty() && !v.equals("null")) {
                lines.add("  " + k + " " + v);
            }
        });
        if (card.hasNonNull("photo")) {
            lines.add("  photo (" + card.get("photo").asText().length() + " characters)");
        }
        return String.join("\n", lines);
    }
}
