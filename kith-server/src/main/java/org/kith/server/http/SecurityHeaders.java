package org.kith.server.http;

import org.eclipse.jetty.server.Response;

/**
 * Headers every response carries. Answers depend on who asks, so no shared cache may keep them;
 * the event stream replaces the Cache-Control with its own.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {}

    public static void apply(Response response) {
        var h = response.getHeaders();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "private, no-store");
    }
}
