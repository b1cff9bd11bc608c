package org.kith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * The card fields a command may set (a picocli mixin). Only the fields given change; a repeated
 * list option (--tel, --email) replaces the whole list.
 */
final class CardFields {
    @Option(names = "--fn", paramLabel = "NAME", description = "full name") String fn;
    @Option(names = "--tel", paramLabel = "TYPE=NUMBER",
            description = "a phone number, e.g. cell=13800138000; repeat for more; replaces all numbers")
    List<String> tel;
    @Option(names = "--email", paramLabel = "TYPE=ADDRESS",
            description = "an e-mail address, e.g. home=me@example.org; repeat for more; replaces all addresses")
    List<String> email;
    @Option(names = "--org", description = "organisation") String org;
    @Option(names = "--title", description = "job title") String title;
    @Option(names = "--note", description = "a note") String note;
    @Option(names = "--photo", paramLabel = "FILE", description = "a JPEG, PNG or GIF picture") Path photo;

    boolean any() {
        return fn != null || tel != null || email != null || org != null || title != null || note != null
                || photo != null;
    }

    /** A copy of {@code base} (null for a new card) with the given fields written over it. */
    ObjectNode applyTo(JsonNode base) {
        ObjectNode card = base != null && base.isObject() ? ((ObjectNode) base).deepCopy() : Json.object();
        if (fn != null) {
            card.put("fn", fn);
        }
        if (tel != null) {
            card.set("tel", typed(tel, "--tel", "cell=13800138000"));
        }
        if (email != null) {
            card.set("email", typed(email, "--email", "home=me@example.org"));
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

    private static ArrayNode typed(List<String> values, String option, String example) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw CliError.usage(option + " takes TYPE=VALUE, e.g. " + example + ", not '" + v + "'");
            }
            // the server checks the type against its list and names the field if it is wrong
            list.addObject().put("type", v.substring(0, eq).strip().toLowerCase(Locale.ROOT))
                    .put("value", v.substring(eq + 1).strip());
        }
        return list;
    }

    /** The picture as a data: URI; its type comes from its first bytes, not its name. */
    static String dataUri(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw CliError.usage("--photo: cannot read " + file + ": " + ApiClient.reason(e));
        }
        return "data:" + imageType(bytes, file) + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static String imageType(byte[] b, Path file) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        throw CliError.usage("--photo: " + file + " is not a JPEG, PNG or GIF picture");
    }
}
