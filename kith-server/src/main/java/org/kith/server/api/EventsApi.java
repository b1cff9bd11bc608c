package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import ezvcard.VCardVersion;
import org.eclipse.jetty.http.HttpHeader;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;
import org.kith.server.push.EventHub;

/**
 * {@code GET /events}: the server-sent event stream of my visible changes, resumable with
 * {@code Last-Event-ID}. The hub owns the response from here on.
 */
final class EventsApi implements Resource {
    private final EventHub hub;

    EventsApi(EventHub hub) {
        this.hub = hub;
    }

    @Override
    public List<Route> routes() {
        return List.of(auth("GET", "/api/v1/events", "Server-sent events of my visible changes (see docs/REST.md)",
                this::open).query("vcard", false, "vCard version of each entry's vcard field: 3.0 (default) or 4.0")
                .returnsText(200, "text/event-stream"));
    }

    private void open(Exchange ex) {
        VCardVersion version = PhonebookApi.vcardVersion(ex);
        Long position = lastEventId(ex.header("Last-Event-ID"));
        var response = ex.response();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        ex.goAsync();
        hub.open(ex.account(), position, version, ex.request(), response, ex.callback());
    }

    /** The position to resume after; null to start now. Garbage is a position no feed has: it gets a resync. */
    static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.strip();
        if (v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(v);
    }
}
