package org.kith.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.kith.core.Kith;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;
import org.kith.server.push.EventHub;
import org.kith.server.webpush.WebPush;

/** The REST API's route table ({@code /api/v1}), assembled from one small class per resource. */
public final class RestApi {
    private RestApi() {}

    /**
     * @param baseUrl where clients reach this server, for invitation links
     * @param extra   other routes served beside the API (they are documented too)
     */
    public static List<Route> routes(Kith kith, EventHub hub, WebPush push, Function<Exchange, String> baseUrl,
                                     List<Route> extra) {
        List<Resource> resources = List.of(
                new AccountsApi(kith), new SessionsApi(kith), new CardApi(kith), new AppPasswordsApi(kith),
                new GroupsApi(kith), new MembersApi(kith), new EntriesApi(kith), new InvitationsApi(kith, baseUrl),
                new BlocksApi(kith), new PhonebookApi(kith), new EventsApi(hub), new PushRegistrationsApi(push));
        List<Route> routes = new ArrayList<>();
        resources.forEach(r -> routes.addAll(r.routes()));
        routes.addAll(extra);
        List<List<Route>> all = new ArrayList<>(1); // the document lists the table it is part of
        routes.add(Route.open("GET", "/api/v1/openapi.json", "This OpenAPI document",
                ex -> ex.json(200, OpenApiDoc.document(all.get(0)))));
        all.add(List.copyOf(routes));
        return all.get(0);
    }
}
