package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

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
        hub.open(ex, ex.account(), PhonebookApi.vcardVersion(ex));
    }
}
