package org.kith.server.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page or form action: method, path template ({@code /web/groups/{id}}) and whether it needs
 * a signed-in visitor. Immutable.
 */
record WebRoute(String method, String template, boolean signedIn, Handler handler) {

    @FunctionalInterface
    interface Handler {
        void handle(WebExchange ex) throws Exception;
    }

    static WebRoute page(String template, Handler handler) {
        return new WebRoute("GET", template, true, handler);
    }

    static WebRoute action(String template, Handler handler) {
        return new WebRoute("POST", template, true, handler);
    }

    static WebRoute publicPage(String template, Handler handler) {
        return new WebRoute("GET", template, false, handler);
    }

    static WebRoute publicAction(String template, Handler handler) {
        return new WebRoute("POST", template, false, handler);
    }

    /** The path variables if {@code segments} fit the template, else null. */
    Map<String, String> match(List<String> segments) {
        String[] parts = template.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (segments.get(i).isEmpty()) {
                    return null;
                }
                vars.put(p.substring(1, p.length() - 1), segments.get(i));
            } else if (!p.equals(segments.get(i))) {
                return null;
            }
        }
        return vars;
    }

    /** Decoded path segments ({@code /a/b%20c} gives {@code [a, b c]}), or null when undecodable. */
    static List<String> segments(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        List<String> out = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) {
            try {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }
}
