package org.kith.server.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kith.core.Kith;
import org.kith.core.error.Forbidden;
import org.kith.core.error.KithException;
import org.kith.core.error.NotFound;
import org.kith.core.error.Unauthenticated;
import org.kith.core.model.Credential;
import org.kith.server.http.Mount;
import org.kith.server.push.EventHub;
import org.kith.server.webpush.WebPush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI: server-rendered pages under {@code /web} and invitation links under {@code /join}.
 * For each request it picks the language, finds the session from its cookie, gives the browser a
 * CSRF token, refuses posts without it, and turns domain errors into pages. Every state change
 * goes through the {@link Kith} services, so the privacy policy is the same as for every other
 * surface. Thread-safe.
 */
public final class WebUi implements Request.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(WebUi.class);
    static final String SESSION_COOKIE = "kith_session";
    static final String LANG_COOKIE = "kith_lang";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Kith kith;
    private final Function<Request, String> baseUrl;
    private final List<WebRoute> routes = new ArrayList<>();

    /**
     * @param baseUrl where devices reach this server for a request: the configured public URL, else
     *                the one the request used (no trailing slash)
     */
    public WebUi(Kith kith, EventHub hub, WebPush push, Function<Request, String> baseUrl) {
        this.kith = kith;
        this.baseUrl = baseUrl;
        routes.addAll(new AuthPages(kith).routes());
        routes.addAll(new CardPages(kith).routes());
        routes.addAll(new GroupsPages(kith).routes());
        routes.addAll(new GroupPage(kith).routes());
        routes.addAll(new GroupActions(kith).routes());
        routes.addAll(new JoinPages(kith).routes());
        routes.addAll(new InboxPages(kith).routes());
        routes.addAll(new BlockPages(kith).routes());
        routes.addAll(new DevicePages(kith, push).routes());
        routes.addAll(new WebEvents(hub).routes());
        routes.addAll(StaticFiles.routes());
    }

    /** Where the UI plugs into the server's dispatcher. */
    public List<Mount> mounts() {
        return List.of(new Mount("/web", this), new Mount("/join", this));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var headers = response.getHeaders();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Frame-Options", "DENY");
        // Same-origin referrers let browsers name this origin in the Origin header of form posts
        // (with no-referrer they send "null"); other sites still learn nothing.
        headers.put("Referrer-Policy", "same-origin");
        List<String> segments = WebRoute.segments(request.getHttpURI().getPath());
        WebRoute route = null;
        Map<String, String> vars = Map.of();
        boolean pathKnown = false;
        for (WebRoute r : segments == null ? List.<WebRoute>of() : routes) {
            Map<String, String> m = r.match(segments);
            if (m != null) {
                pathKnown = true;
                if (r.method().equals(request.getMethod()) || r.method().equals("GET") && request.getMethod().equals("HEAD")) {
                    route = r;
                    vars = m;
                    break;
                }
            }
        }
        WebExchange ex = new WebExchange(request, response, callback, vars);
        try {
            setup(ex);
            if (route == null) {
                int status = pathKnown ? 405 : 404;
                ex.html(status, Layout.problem(ex, ex.t("error.notfound.title"), ex.t(pathKnown ? "error.method"
                        : "error.notfound")));
                return true;
            }
            if (request.getMethod().equals("POST")) {
                ex.readForm();
                if (!sameOrigin(ex) || !Csrf.matches(ex.cookie(Csrf.COOKIE), ex.form().get(Csrf.FIELD))) {
                    ex.html(403, Layout.problem(ex, ex.t("error.csrf.title"), ex.t("error.csrf")));
                    return true;
                }
            }
            if (route.signedIn() && ex.account() == null) {
                ex.redirect("/web/signin?next=" + java.net.URLEncoder.encode(
                        request.getMethod().equals("GET") ? ex.pathAndQuery() : "/web/",
                        java.nio.charset.StandardCharsets.UTF_8));
                return true;
            }
            route.handler().handle(ex);
        } catch (NotFound e) {
            answer(ex, 404, "error.notfound.title", WebErrors.message(ex.texts(), e));
        } catch (Forbidden e) {
            answer(ex, 403, "error.forbidden.title", WebErrors.message(ex.texts(), e));
        } catch (KithException e) {
            answer(ex, 400, "error.title", WebErrors.message(ex.texts(), e));
        } catch (Form.TooLargeForm e) {
            answer(ex, 413, "error.title", ex.t("error.toolarge"));
        } catch (Exception | LinkageError e) {
            LOG.error("{} {} failed", request.getMethod(), ex.path(), e);
            answer(ex, 500, "error.title", ex.t("error.internal"));
        }
        return true;
    }

    private void answer(WebExchange ex, int status, String titleKey, String message) {
        if (ex.isAsync() || ex.response().isCommitted()) {
            if (!ex.isAsync()) {
                ex.callback().failed(new IllegalStateException("failed after the response was committed"));
            }
            return;
        }
        if (ex.texts() == null) {
            ex.setup(Texts.of("en"), Csrf.newToken(), false, "");
        }
        ex.html(status, Layout.problem(ex, ex.t(titleKey), message));
    }

    private void setup(WebExchange ex) {
        Request request = ex.request();
        String base = baseUrl.apply(request);
        boolean secure = request.isSecure() || base.toLowerCase(Locale.ROOT).startsWith("https:");
        Texts texts = Texts.of(Texts.choose(ex.cookie(LANG_COOKIE), ex.header("Accept-Language")));
        String csrf = ex.cookie(Csrf.COOKIE);
        boolean newCsrf = !Csrf.wellFormed(csrf);
        if (newCsrf) {
            csrf = Csrf.newToken();
        }
        ex.setup(texts, csrf, secure, base);
        if (newCsrf) {
            ex.setCookie(Csrf.COOKIE, csrf, kith.limits().sessionTtl().toSeconds());
        }
        String token = ex.cookie(SESSION_COOKIE);
        if (token != null && !token.isEmpty()) {
            try {
                Credential c = kith.accounts().authenticateToken(token);
                ex.signedIn(kith.accounts().account(c.accountId()), token);
            } catch (Unauthenticated | NotFound e) {
                ex.setCookie(SESSION_COOKIE, "", 0); // expired or signed out elsewhere
            }
        }
    }

    /**
     * A second line behind the token: a browser names the page a post came from in {@code Origin};
     * it must be this server (as the request reached it, or as configured).
     */
    private static boolean sameOrigin(WebExchange ex) {
        String origin = ex.header("Origin");
        if (origin == null || origin.isBlank() || origin.strip().equals("null")) {
            return true; // not told: the token decides
        }
        try {
            URI o = URI.create(origin.strip());
            String authority = ex.request().getHttpURI().getAuthority();
            if (o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(authority)) {
                return true;
            }
            URI base = URI.create(ex.baseUrl());
            return o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(base.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
