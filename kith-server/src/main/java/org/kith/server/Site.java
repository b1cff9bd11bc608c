package org.kith.server;

import static org.kith.server.http.Route.open;

import java.util.List;

import org.kith.server.http.Route;

/** The few routes outside the API: the front door (into the web UI), and a liveness probe. */
final class Site {

    private Site() {}

    static List<Route> routes() {
        return List.of(
                open("GET", "/", "The front door: a redirect to the web UI at /web/", ex -> {
                    ex.setHeader("Location", "/web/");
                    ex.send(303, "text/plain; charset=utf-8", "See /web/");
                }).returnsText(303, "text/plain"),
                open("GET", "/healthz", "Liveness: 200 ok while the server runs",
                        ex -> ex.send(200, "text/plain; charset=utf-8", "ok")).returnsText(200, "text/plain"));
    }
}
