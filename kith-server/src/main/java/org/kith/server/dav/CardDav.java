package org.kith.server.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.kith.core.Kith;
import org.kith.core.error.KithException;
import org.kith.core.model.Account;
import org.kith.core.model.Credential;
import org.kith.core.model.Username;
import org.kith.server.http.Authenticator;
import org.kith.server.http.ErrorMapper;
import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;
import org.kith.server.http.Route;
import org.kith.server.http.Surface;

/**
 * The CardDAV surface (RFC 6352, 6578, 6764): {@code /.well-known/carddav}, everything under
 * {@code /dav/}, and PROPFIND and OPTIONS on {@code /}, where clients given only the server's
 * address (DAVx5) look for {@code current-user-principal} first; GET {@code /} stays the web
 * UI's front door. Its table is one row per method for the whole tree; admitting a request
 * authenticates it and resolves its target, the method's class does the rest, and errors are
 * DAV {@code <d:error>} bodies. Thread-safe.
 */
public final class CardDav implements Surface {
    private static final String TREE = "/dav/**";
    static final String DAV_HEADER = "1, 3, addressbook, extended-mkcol, webdav-push";
    private static final String FRONT = "/";

    private final Kith kith;
    private final Authenticator authenticator;
    private final RenderCache cache = new RenderCache(64L * 1024 * 1024);
    private final List<Route> routes = new ArrayList<>();
    private final DavPush push;
    private final Function<Exchange, String> baseUrl;

    /** @param baseUrl this server's scheme and authority for a request (registration URLs are absolute) */
    public CardDav(Kith kith, Authenticator authenticator, DavPush push, Function<Exchange, String> baseUrl) {
        this.kith = kith;
        this.authenticator = authenticator;
        this.push = push;
        this.baseUrl = baseUrl;
        Map<String, DavMethod> methods = new LinkedHashMap<>(); // in the order Allow lists them
        methods.put("GET", new GetMethod());
        methods.put("HEAD", new GetMethod());
        methods.put("PUT", new PutMethod());
        methods.put("DELETE", new DeleteMethod());
        methods.put("PROPFIND", new Propfind());
        methods.put("PROPPATCH", new Proppatch());
        methods.put("REPORT", new Report());
        methods.put("MKCOL", new MkcolMethod());
        methods.put("MOVE", new MoveMethod());
        methods.put("POST", new PushRegister());
        routes.add(Route.open("OPTIONS", TREE, "CardDAV capabilities", CardDav::options));
        methods.forEach((name, method) -> routes.add(Route.auth(name, TREE, "CardDAV " + name,
                ex -> honouringPush(ex, method))));
        DavMethod propfind = methods.get("PROPFIND");
        routes.add(Route.open("OPTIONS", FRONT, "CardDAV capabilities on the server's address", CardDav::options));
        routes.add(Route.auth("PROPFIND", FRONT, "CardDAV discovery on the server's address",
                ex -> propfind.handle(ex.state(DavContext.class), ex.state(DavContext.class).target())));
        routes.add(Route.open(Route.ANY, "/.well-known/**", "CardDAV discovery (RFC 6764)", CardDav::wellKnown));
    }

    /** Runs a method; WebDAV-Push: a write may say which of the caller's phones are not to be told of it. */
    private void honouringPush(Exchange ex, DavMethod method) {
        DavContext ctx = ex.state(DavContext.class);
        push.honouring(ex.header("Push-Dont-Notify"), ctx.viewer(), () -> {
            method.handle(ctx, ctx.target());
            return null;
        });
    }

    @Override
    public List<String> prefixes() {
        return List.of("/dav", "/.well-known");
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public boolean admit(Exchange ex, Route route) {
        if (!route.authenticated()) {
            return true;
        }
        Credential credential = authenticator.authenticate(ex);
        ex.authenticated(credential);
        Account account = kith.accounts().account(credential.accountId());
        Target target = Target.of(ex.segments());
        if (target == null || target.user() != null && !Username.same(target.user(), account.username())) {
            throw DavError.notFound("nothing here: " + ex.path()); // another user's space is not revealed
        }
        ex.state(new DavContext(kith, ex, account, target,
                new Library(kith, account.id(), account.username(), cache), cache, push, baseUrl.apply(ex)));
        return true;
    }

    @Override
    public ErrorMapper errors() {
        return CardDav::answer;
    }

    private static void options(Exchange ex) {
        ex.setHeader("DAV", DAV_HEADER);
        ex.setHeader("Allow", String.join(", ", ex.allowed()));
        ex.send(200);
    }

    /** {@code /.well-known/carddav} (RFC 6764) points clients at the DAV root, whatever the method; nothing else is served there. */
    private static void wellKnown(Exchange ex) {
        String path = ex.path();
        if (path.equals("/.well-known/carddav") || path.equals("/.well-known/carddav/")) {
            ex.setHeader("Location", Href.ROOT);
            ex.send(301, "text/plain; charset=utf-8", "CardDAV is at " + Href.ROOT + "\n");
        } else {
            ex.send(404, "text/plain; charset=utf-8", "not found\n");
        }
    }

    private static void answer(Exchange ex, RuntimeException error) {
        DavError e = error instanceof DavError dav ? dav
                : error instanceof KithException k ? DavErrors.of(k, ex.method())
                : error instanceof HttpError h ? new DavError(h.status(), null, h.getMessage())
                : new DavError(500, null, "the server failed to handle this request");
        if (e.status() == 401) {
            ex.setHeader("WWW-Authenticate", "Basic realm=\"Kith\"");
        }
        ex.sendXml(e.status(), e.body());
    }
}
