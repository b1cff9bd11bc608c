package org.kith.server.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kith.core.error.KithException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table as a Jetty handler: finds the route, authenticates if it needs a login, runs
 * it, and maps errors in one place. 404 for unknown paths, 405 with Allow for a known path with
 * another method.
 */
public final class Dispatcher extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final List<Route> routes;
    private final Authenticator authenticator;

    public Dispatcher(List<Route> routes, Authenticator authenticator) {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String rawPath = request.getHttpURI().getPath();
        String[] segments = rawPath.length() <= 1 ? new String[] {""} : rawPath.substring(1).split("/", -1);
        Set<String> allowed = new LinkedHashSet<>();
        Route found = null;
        Map<String, String> vars = null;
        for (Route route : routes) {
            Map<String, String> m = route.match(segments);
            if (m != null) {
                allowed.add(route.method());
                if (route.method().equals(request.getMethod()) && found == null) {
                    found = route;
                    vars = m;
                }
            }
        }
        Exchange ex = new Exchange(request, response, callback, vars == null ? Map.of() : vars);
        SecurityHeaders.apply(response);
        try {
            if (found == null) {
                ex.discardUnreadBody();
            }
            if (found == null && allowed.isEmpty()) {
                Problems.send(ex, 404, "not-found", "no such resource: " + rawPath, null);
            } else if (found == null) {
                ex.setHeader("Allow", String.join(", ", new ArrayList<>(allowed)));
                Problems.send(ex, 405, "method-not-allowed", request.getMethod() + " is not allowed here", null);
            } else {
                if (found.authenticated()) {
                    ex.authenticated(authenticator.authenticate(ex));
                }
                found.handler().handle(ex);
            }
        } catch (KithException e) {
            if (!ex.isAsync()) {
                ex.discardUnreadBody();
                Problems.send(ex, e);
            }
        } catch (HttpError e) {
            if (!ex.isAsync()) {
                ex.discardUnreadBody();
                Problems.send(ex, e.status(), e.slug(), e.getMessage(), null);
            }
        } catch (Exception | Error e) {
            LOG.error("{} {} failed", request.getMethod(), rawPath, e);
            if (!ex.isAsync()) {
                Problems.send(ex, 500, "internal", "the server failed to handle this request", null);
            }
        }
        return true;
    }
}
