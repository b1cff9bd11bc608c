package org.kith.server.web;

import java.util.List;

import ezvcard.VCardVersion;
import org.kith.server.http.Route;
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

    List<Route> routes() {
        return List.of(WebRoute.page("/web/events", visit -> hub.open(visit.http(), visit.me(), VCardVersion.V3_0)));
    }
}
