package org.kith.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.kith.core.Kith;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;
import org.kith.server.push.EventHub;

/** The REST API's route table, assembled from one small class per resource. */
public final class RestApi {
    private RestApi() {}

    public static List<Route> routes(Kith kith, EventHub hub, Function<Exchange, String> baseUrl) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new AccountApi(kith).routes());
        routes.addAll(new GroupApi(kith).routes());
        routes.addAll(new InvitationApi(kith, baseUrl).routes());
        routes.addAll(new PhonebookApi(kith).routes());
        routes.addAll(new EventsApi(hub).routes());
        List<Route> documented = List.copyOf(routes);
        routes.add(Route.open("GET", "/api/v1/openapi.json", "This document",
                ex -> ex.json(200, OpenApi.document(documented))));
        routes.add(Route.open("GET", "/healthz", "Liveness", ex -> ex.send(200, "text/plain; charset=utf-8", "ok")));
        routes.add(Route.open("GET", "/", "Home", ex -> ex.send(200, "text/html; charset=utf-8",
                "<!doctype html><meta charset=utf-8><title>Kith</title><h1>Kith</h1>"
                        + "<p>A self-hosted group phonebook. API: <a href=/api/v1/openapi.json>/api/v1/openapi.json</a></p>")));
        return routes;
    }
}
