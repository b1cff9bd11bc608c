package org.kith.server.dav;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kith.core.Kith;
import org.kith.core.error.KithException;
import org.kith.core.model.Credential;
import org.kith.core.model.Username;
import org.kith.server.http.Authenticator;
import org.kith.server.http.Mount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CardDAV surface (RFC 6352, 6578, 6764): {@code /.well-known/carddav} and everything under
 * {@code /dav/}. A thin dispatcher: it authenticates, resolves the target, hands the request
 * to the method's class, and turns every error into a DAV answer in one place. Thread-safe.
 */
public final class CardDav implements Request.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(CardDav.class);
    static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT, MKCOL, POST";
    static final String DAV_HEADER = "1, 3, addressbook, extended-mkcol, webdav-push";

    private final Kith kith;
    private final Authenticator authenticator;
    private final RenderCache cache = new RenderCache(64L * 1024 * 1024);
    private final Map<String, DavMethod> methods;

    private final DavPush push;
    private final Function<Request, String> baseUrl;

    /** @param baseUrl this server's scheme and authority for a request (registration URLs are absolute) */
    public CardDav(Kith kith, Authenticator authenticator, DavPush push, Function<Request, String> baseUrl) {
        this.kith = kith;
        this.authenticator = authenticator;
        this.push = push;
        this.baseUrl = baseUrl;
        this.methods = Map.of(
                "PROPFIND", new Propfind(),
                "PROPPATCH", new Proppatch(),
                "REPORT", new Report(),
                "GET", new GetMethod(),
                "HEAD", new GetMethod(),
                "PUT", new PutMethod(),
                "DELETE", new DeleteMethod(),
                "MKCOL", new MkcolMethod(),
                "POST", new PushRegister());
    }

    /** The mounts to add to the server: the DAV tree and the discovery redirect. */
    public List<Mount> mounts() {
        return List.of(new Mount("/dav", this), new Mount("/.well-known", new WellKnown()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        DavExchange ex = new DavExchange(request, response, callback, baseUrl);
        try {
            serve(ex);
        } catch (DavError e) {
            answer(ex, e);
        } catch (KithException e) {
            answer(ex, DavErrors.of(e, ex.method()));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.error("{} {} failed", ex.method(), ex.rawPath(), e);
            answer(ex, new DavError(500, null, "the server failed to handle this request"));
        }
        return true;
    }

    private void serve(DavExchange ex) {
        if (ex.method().equals("OPTIONS")) {
            ex.setHeader("DAV", DAV_HEADER);
            ex.setHeader("Allow", ALLOW);
            ex.send(200, null, null);
            return;
        }
        Credential credential = authenticator.authenticate(ex.header("Authorization"), ex.remoteAddress());
        ex.authenticated(kith.accounts().account(credential.accountId()));
        Target target = Target.parse(ex.rawPath());
        if (target == null || target.user() != null && !Username.same(target.user(), ex.account().username())) {
            throw DavError.notFound("nothing here: " + ex.rawPath()); // another user's space is not revealed
        }
        DavMethod method = methods.get(ex.method());
        if (method == null) {
            ex.setHeader("Allow", ALLOW);
            throw DavError.methodNotAllowed(ex.method() + " is not supported here");
        }
        DavContext ctx = new DavContext(kith, ex, new Library(kith, ex.viewer(), ex.account().username(), cache), cache,
                push);
        push.honouring(ex.header("Push-Dont-Notify"), ex.viewer(), () -> {
            method.handle(ctx, target);
            return null;
        });
    }

    private static void answer(DavExchange ex, DavError e) {
        if (ex.committed()) {
            ex.failed(e);
            return;
        }
        if (e.status() == 401) {
            ex.setHeader("WWW-Authenticate", "Basic realm=\"Kith\"");
        }
        ex.sendXml(e.status(), e.body());
    }

    /** {@code /.well-known/carddav} (RFC 6764) points clients at the DAV root; nothing else is served there. */
    private static final class WellKnown implements Request.Handler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            DavExchange ex = new DavExchange(request, response, callback, r -> "");
            String path = ex.rawPath();
            if (path.equals("/.well-known/carddav") || path.equals("/.well-known/carddav/")) {
                ex.setHeader("Location", Href.ROOT);
                ex.send(301, "text/plain; charset=utf-8", "CardDAV is at " + Href.ROOT + "\n");
            } else {
                ex.send(404, "text/plain; charset=utf-8", "not found\n");
            }
            return true;
        }
    }
}
