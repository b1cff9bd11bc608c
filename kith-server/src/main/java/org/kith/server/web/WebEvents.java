package org.kith.server.web;

import java.util.List;

import ezvcard.VCardVersion;
import org.eclipse.jetty.http.HttpHeader;
import org.kith.server.push.EventHub;

/**
 * {@code GET /web/events}: the browser's event stream. The same stream as
 * {@code /api/v1/events} (the hub decides what each viewer may be told), authenticated by the
 * session cookie because a browser's EventSource cannot send an Authorization header. Read-only,
 * so the SameSite cookie is enough here.
 */
final class WebEvents {
    private final EventHub hub;

    WebEvents(EventHub hub) {
        this.hub = hub;
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.page("/web/events", this::open));
    }

    private void open(WebExchange ex) {
        var response = ex.response();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        ex.goAsync();
        hub.open(ex.me(), lastEventId(ex.header("Last-Event-ID")), VCardVersion.V3_0, ex.request(), response,
                ex.callback());
    }

    /** Where a reconnecting browser resumes; garbage gets a position no feed has, hence a resync. */
    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        return v.length() > 18 || !v.chars().allMatch(Character::isDigit) ? Long.MAX_VALUE : Long.parseLong(v);
    }
}
