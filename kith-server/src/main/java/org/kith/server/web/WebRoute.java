package org.kith.server.web;

import org.kith.server.http.Route;

/**
 * The web UI's rows of the route table: pages (GET) and form actions (POST), for signed-in
 * visitors or for anyone. A page also answers HEAD.
 */
final class WebRoute {
    private WebRoute() {}

    static Route page(String template, Visit.Handler handler) {
        return Route.auth("GET", template, null, adapt(handler));
    }

    static Route action(String template, Visit.Handler handler) {
        return Route.auth("POST", template, null, adapt(handler));
    }

    static Route publicPage(String template, Visit.Handler handler) {
        return Route.open("GET", template, null, adapt(handler));
    }

    static Route publicAction(String template, Visit.Handler handler) {
        return Route.open("POST", template, null, adapt(handler));
    }

    /** The same page for HEAD. */
    static Route head(Route page) {
        return new Route("HEAD", page.template(), page.authenticated(), null, page.handler(), page.doc());
    }

    private static Route.Handler adapt(Visit.Handler handler) {
        return ex -> handler.handle(ex.state(Visit.class));
    }
}
