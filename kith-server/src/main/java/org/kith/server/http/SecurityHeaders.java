package org.kith.server.http;

import org.eclipse.jetty.server.Response;

/** Headers every response carries. */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static void apply(Response response) {
        var h = response.getHeaders();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "private, no-store");
    }
}
