package org.kith.e2e.dav;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Request bodies kept as files under {@code src/test/resources/dav/}, with {@code ${name}} placeholders. */
final class Fixtures {
    private Fixtures() {}

    /** Escapes text for use inside an XML element or attribute. */
    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String read(String name) {
        return read(name, Map.of());
    }

    static String read(String name, Map<String, String> values) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dav/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture dav/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            if (text.contains("${")) {
                throw new IllegalArgumentException("fixture dav/" + name + " has an unfilled placeholder: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
