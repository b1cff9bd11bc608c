package org.kith.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One row of the route table: method, path template ({@code /groups/{id}}), handler, whether it needs a login. */
public record Route(String method, String template, boolean authenticated, String summary, Handler handler) {

    /** Handles one exchange; throws domain errors for the dispatcher to map. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange ex) throws Exception;
    }

    public static Route open(String method, String template, String summary, Handler handler) {
        return new Route(method, template, false, summary, handler);
    }

    public static Route auth(String method, String template, String summary, Handler handler) {
        return new Route(method, template, true, summary, handler);
    }

    /** The path variables if {@code rawPath} matches the template, else null. Segments are decoded once, here. */
    Map<String, String> match(String[] rawSegments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != rawSegments.length) {
            return null;
        }
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = decode(rawSegments[i]);
            if (segment == null) {
                return null;
            }
            if (parts[i].startsWith("{")) {
                if (segment.isEmpty()) {
                    return null;
                }
                vars.put(parts[i].substring(1, parts[i].length() - 1), segment);
            } else if (!parts[i].equals(segment)) {
                return null;
            }
        }
        return vars;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
