package org.kith.server;

import static org.kith.server.http.Route.open;

import java.util.List;

import org.kith.server.http.Route;

/** The few routes outside the API: a home page naming the server, and a liveness probe. */
final class Site {
    private static final String HOME = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Kith</title></head>
            <body><h1>Kith</h1>
            <p>A self-hosted group phonebook: everyone keeps their own card, and every member's phone
            stays up to date by itself.</p>
            <p>REST API: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
            </body></html>
            """;

    private Site() {}

    static List<Route> routes() {
        return List.of(
                open("GET", "/", "A page naming the server",
                        ex -> ex.send(200, "text/html; charset=utf-8", HOME)).returnsText(200, "text/html"),
                open("GET", "/healthz", "Liveness: 200 ok while the server runs",
                        ex -> ex.send(200, "text/plain; charset=utf-8", "ok")).returnsText(200, "text/plain"));
    }
}
