package org.kith.server.http;

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
 * The server's one Jetty handler: mounted handlers by path prefix first, then the route table.
 * For a route it authenticates (when the route needs a login), runs the handler, and turns
 * every error into a problem in one place. Unknown path: 404; known path, other method: 405
 * with {@code Allow}. Thread-safe.
 */
public final class Dispatcher extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final List<Mount> mounts;
    private final List<Route> routes;
    private final Authenticator authenticator;

    public Dispatcher(List<Mount> mounts, List<Route> routes, Authenticator authenticator) {
        this.mounts = List.copyOf(mounts);
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.apply(response);
        String rawPath = request.getHttpURI().getPath();
        for (Mount mount : mounts) {
            if (mount.covers(request.getMethod(), rawPath == null ? "/" : rawPath)) {
                return mount.handler().handle(request, response, callback);
            }
        }
        List<String> segments = PathSegments.decode(rawPath);
        Set<String> allowed = new LinkedHashSet<>();
        Route found = null;
        Map<String, String> vars = Map.of();
        for (Route route : segments == null ? List.<Route>of() : routes) {
            Map<String, String> m = route.match(segments);
            if (m != null) {
                allowed.add(route.method());
                if (found == null && route.method().equals(request.getMethod())) {
                    found = route;
                    vars = m;
                }
            }
        }
        Exchange ex = new Exchange(request, response, callback, vars);
        try {
            if (found == null) {
                refuse(ex, allowed);
            } else {
                if (found.authenticated()) {
                    ex.authenticated(authenticator.authenticate(ex));
                }
                found.handler().handle(ex);
            }
        } catch (KithException e) {
            answer(ex, () -> Problems.send(ex, e));
        } catch (HttpError e) {
            answer(ex, () -> Problems.send(ex, e.status(), e.slug(), e.getMessage(), null));
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.error("{} {} failed", request.getMethod(), rawPath, e);
            answer(ex, () -> Problems.send(ex, 500, "internal", "the server failed to handle this request", null));
        }
        return true;
    }

    private static void refuse(Exchange ex, Set<String> allowed) {
        if (allowed.isEmpty()) {
            throw new HttpError(404, "not-found", "no such resource: " + ex.request().getHttpURI().getPath());
        }
        ex.setHeader("Allow", String.join(", ", allowed));
        throw new HttpError(405, "method-not-allowed", ex.request().getMethod() + " is not allowed here; use "
                + String.join(" or ", allowed));
    }

    /** Sends an error unless the handler already started its own response (an event stream). */
    private static void answer(Exchange ex, Runnable send) {
        if (ex.isAsync() || ex.response().isCommitted()) {
            if (!ex.isAsync()) {
                ex.callback().failed(new IllegalStateException("failed after the response was committed"));
            }
            return;
        }
        send.run();
    }
}
