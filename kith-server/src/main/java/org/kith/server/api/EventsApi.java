package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import org.eclipse.jetty.http.HttpHeader;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;
import org.kith.server.push.EventHub;

/** The live stream of my visible changes (server-sent events), resumable with Last-Event-ID. */
final class EventsApi {
    private final EventHub hub;

    EventsApi(EventHub hub) {
        this.hub = hub;
    }

    List<Route> routes() {
        return List.of(auth("GET", "/api/v1/events", "Server-sent events of my visible changes", this::open));
    }

    private void open(Exchange ex) {
        Long position = null;
        String last = ex.header("Last-Event-ID");
        if (last != null && !last.isBlank()) {
            try {
                position = Long.parseLong(last.strip());
            } catch (NumberFormatException e) {
                position = -1L; // unknown position: the hub answers with a resync event
            }
        }
        var response = ex.response();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        ex.goAsync();
        hub.open(ex.account(), position, response, ex.callback());
    }
}
