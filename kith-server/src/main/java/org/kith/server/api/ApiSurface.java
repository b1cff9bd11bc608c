package org.kith.server.api;

import java.util.List;

import org.kith.core.error.KithException;
import org.kith.server.http.Authenticator;
import org.kith.server.http.ErrorMapper;
import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;
import org.kith.server.http.Problems;
import org.kith.server.http.Route;
import org.kith.server.http.Surface;

/**
 * The REST API and the few site routes beside it, owning every path no other surface owns.
 * A route that needs a login authenticates with HTTP Basic or a bearer token; errors are
 * problem+json. Thread-safe.
 */
public final class ApiSurface implements Surface {
    private final List<Route> routes;
    private final Authenticator authenticator;

    public ApiSurface(List<Route> routes, Authenticator authenticator) {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
    }

    @Override
    public List<String> prefixes() {
        return List.of("/");
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public boolean admit(Exchange ex, Route route) {
        if (route.authenticated()) {
            ex.authenticated(authenticator.authenticate(ex));
        }
        return true;
    }

    @Override
    public ErrorMapper errors() {
        return ApiSurface::problem;
    }

    private static void problem(Exchange ex, RuntimeException error) {
        if (error instanceof KithException e) {
            Problems.send(ex, e);
        } else if (error instanceof HttpError e) {
            Problems.send(ex, e.status(), e.slug(), e.getMessage(), null);
        }
    }
}
