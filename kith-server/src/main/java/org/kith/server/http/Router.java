package org.kith.server.http;

import java.util.Comparator;
import java.util.List;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kith.core.error.KithException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one Jetty handler, for every surface. It decodes the path once, looks the route up
 * in the one table of every surface's rows, lets the row's surface admit the request, runs the
 * handler, and hands every error to that surface's error mapper. Unknown path: 404, in the form
 * of the surface owning the path (the longest prefix); known path, other method: 405 with
 * {@code Allow} from the table. Thread-safe.
 */
public final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private record Owner(String prefix, Surface surface) {
        boolean covers(String path) {
            return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final RouteTable table;
    private final List<Owner> owners;

    public Router(List<Surface> surfaces) {
        this.table = new RouteTable(surfaces);
        this.owners = surfaces.stream().flatMap(s -> s.prefixes().stream().map(p -> new Owner(p, s)))
                .sorted(Comparator.comparingInt((Owner o) -> o.prefix().length()).reversed())
                .toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        SecurityHeaders.apply(response);
        String path = request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        List<String> segments = PathSegments.decode(path);
        RouteTable.Match match = table.find(segments, request.getMethod());
        Surface surface = match.row() != null ? match.row().surface() : owner(path);
        Exchange ex = new Exchange(request, response, callback, segments, match.vars(), match.allowed());
        try {
            surface.enter(ex);
            if (match.row() == null) {
                throw refusal(ex);
            }
            if (surface.admit(ex, match.row().route())) {
                match.row().route().handler().handle(ex);
            }
        } catch (KithException | HttpError e) {
            answer(ex, surface, e);
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.error("{} {} failed", request.getMethod(), path, e);
            answer(ex, surface, new HttpError(500, "internal", "the server failed to handle this request"));
        }
        return true;
    }

    private Surface owner(String path) {
        return owners.stream().filter(o -> o.covers(path)).findFirst().map(Owner::surface)
                .orElseThrow(() -> new IllegalStateException("no surface owns " + path));
    }

    private static HttpError refusal(Exchange ex) {
        if (ex.allowed().isEmpty()) {
            return new HttpError(404, "not-found", "no such resource: " + ex.path());
        }
        ex.setHeader("Allow", String.join(", ", ex.allowed()));
        return new HttpError(405, "method-not-allowed", ex.method() + " is not allowed here; use "
                + String.join(" or ", ex.allowed()));
    }

    /** Answers an error unless the handler already started its own response (an event stream). */
    private static void answer(Exchange ex, Surface surface, RuntimeException error) {
        if (ex.isAsync() || ex.committed()) {
            if (!ex.isAsync()) {
                ex.callback().failed(new IllegalStateException("failed after the response was committed"));
            }
            return;
        }
        try {
            surface.errors().answer(ex, error);
        } catch (RuntimeException e) {
            LOG.error("{} {}: answering {} failed", ex.method(), ex.path(), error, e);
            ex.callback().failed(e);
        }
    }
}
