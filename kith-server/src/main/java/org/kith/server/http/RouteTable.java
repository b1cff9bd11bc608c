package org.kith.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One surface's routes, looked up by decoded path and method: the first row whose template fits
 * and whose method serves the request wins; every fitting row names a method for {@code Allow}.
 * Immutable and thread-safe.
 */
final class RouteTable {
    /** What a lookup found: the route (null when none serves the method), its variables, the path's methods. */
    record Match(Route route, Map<String, String> vars, List<String> allowed) {}

    private final List<Route> routes;

    RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** @param segments the decoded path, or null when it could not be decoded (it names nothing) */
    Match find(List<String> segments, String method) {
        List<String> allowed = new ArrayList<>();
        Route found = null;
        Map<String, String> vars = Map.of();
        for (Route route : segments == null ? List.<Route>of() : routes) {
            Map<String, String> m = route.match(segments);
            if (m == null) {
                continue;
            }
            if (!route.method().equals(Route.ANY) && !allowed.contains(route.method())) {
                allowed.add(route.method());
            }
            if (found == null && route.serves(method)) {
                found = route;
                vars = m;
            }
        }
        return new Match(found, vars, List.copyOf(allowed));
    }
}
