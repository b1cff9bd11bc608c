package org.kith.server.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jetty.server.Request;
import org.kith.core.Kith;
import org.kith.core.error.NotFound;
import org.kith.core.error.Unauthenticated;
import org.kith.core.model.Credential;
import org.kith.server.http.ErrorMapper;
import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;
import org.kith.server.http.Route;
import org.kith.server.http.Surface;
import org.kith.server.push.EventHub;
import org.kith.server.webpush.WebPush;

/**
 * The web UI: server-rendered pages under {@code /web} and invitation links under {@code /join}.
 * For each request it picks the language, finds the session from its cookie, gives the browser a
 * CSRF token, refuses posts without it, and turns domain errors into pages ({@link ErrorPages}).
 * Every state change goes through the {@link Kith} services, so the privacy policy is the same
 * as for every other surface. Thread-safe.
 */
public final class WebUi implements Surface {
    static final String SESSION_COOKIE = "kith_session";
    static final String LANG_COOKIE = "kith_lang";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Kith kith;
    private final Function<Request, String> baseUrl;
    private final List<Route> routes = new ArrayList<>();

    /**
     * @param baseUrl where devices reach this server for a request: the configured public URL, else
     *                the one the request used (no trailing slash)
     */
    public WebUi(Kith kith, EventHub hub, WebPush push, Function<Request, String> baseUrl) {
        this(kith, hub, push, baseUrl, DeskPhonePages.Settings.off());
    }

    /** As above, with how the desk phones' directories run (token lifetime, LDAP). */
    public WebUi(Kith kith, EventHub hub, WebPush push, Function<Request, String> baseUrl,
                 DeskPhonePages.Settings deskPhones) {
        this.kith = kith;
        this.baseUrl = baseUrl;
        List<Route> pages = new ArrayList<>();
        pages.addAll(new AuthPages(kith).routes());
        pages.addAll(new CardPages(kith).routes());
        pages.addAll(new GroupsPages(kith).routes());
        pages.addAll(new GroupPage(kith).routes());
        pages.addAll(new GroupActions(kith).routes());
        pages.addAll(new JoinPages(kith).routes());
        pages.addAll(new InboxPages(kith).routes());
        pages.addAll(new BlockPages(kith).routes());
        pages.addAll(new DevicePages(kith, deskPhones, push).routes());
        pages.addAll(new WebEvents(hub).routes());
        pages.addAll(StaticFiles.routes());
        for (Route page : pages) {
            routes.add(page);
            if (page.method().equals("GET")) {
                routes.add(WebRoute.head(page));
            }
        }
    }

    @Override
    public List<String> prefixes() {
        return List.of("/web", "/join");
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public ErrorMapper errors() {
        return ErrorPages::answer;
    }

    /** The page headers, and the visit: language, CSRF token, session. */
    @Override
    public void enter(Exchange ex) {
        ex.setHeader("Content-Security-Policy", CSP);
        ex.setHeader("X-Frame-Options", "DENY");
        // Same-origin referrers let browsers name this origin in the Origin header of form posts
        // (with no-referrer they send "null"); other sites still learn nothing.
        ex.setHeader("Referrer-Policy", "same-origin");
        String base = baseUrl.apply(ex.request());
        boolean secure = ex.request().isSecure() || base.toLowerCase(Locale.ROOT).startsWith("https:");
        Texts texts = Texts.of(Texts.choose(ex.cookie(LANG_COOKIE), ex.header("Accept-Language")));
        String csrf = ex.cookie(Csrf.COOKIE);
        boolean newCsrf = !Csrf.wellFormed(csrf);
        Visit visit = new Visit(ex, texts, newCsrf ? Csrf.newToken() : csrf, secure, base);
        ex.state(visit);
        if (newCsrf) {
            visit.setCookie(Csrf.COOKIE, visit.csrf(), kith.limits().sessionTtl().toSeconds());
        }
        String token = ex.cookie(SESSION_COOKIE);
        if (token != null && !token.isEmpty()) {
            try {
                Credential c = kith.accounts().authenticateToken(token);
                visit.signedIn(kith.accounts().account(c.accountId()), token);
            } catch (Unauthenticated | NotFound e) {
                visit.setCookie(SESSION_COOKIE, "", 0); // expired or signed out elsewhere
            }
        }
    }

    /**
     * Posts need this browser's CSRF token and an origin of this server; pages for members need a
     * session. Whatever the headers alone can refuse (no CSRF cookie, another origin, no session,
     * a multipart body anywhere but the photo upload) is refused before the body is read, so a
     * stranger's body costs the server nothing.
     */
    /** The routes that take a multipart body (a file), each after its session and CSRF cookie. */
    private static final java.util.Set<String> UPLOADS = java.util.Set.of(CardPages.PHOTO_UPLOAD);

    @Override
    public boolean admit(Exchange ex, Route route) {
        Visit visit = ex.state(Visit.class);
        boolean post = ex.method().equals("POST");
        if (post && (!Csrf.wellFormed(ex.cookie(Csrf.COOKIE)) || !sameOrigin(ex, visit))) {
            ex.refuseBody();
            return csrfRefused(visit);
        }
        if (route.authenticated() && visit.account() == null) {
            if (post) {
                ex.refuseBody();
            }
            ex.redirect("/web/signin?next=" + URLEncoder.encode(ex.method().equals("GET") ? ex.pathAndQuery() : "/web/",
                    StandardCharsets.UTF_8));
            return false;
        }
        if (post) {
            if (ex.mediaType().equals("multipart/form-data") && !UPLOADS.contains(route.template())) {
                ex.refuseBody();
                throw new HttpError(415, "unsupported-media-type", "only the photo upload takes multipart/form-data");
            }
            visit.form(ex.readBody(Form::read));
            if (!Csrf.matches(ex.cookie(Csrf.COOKIE), visit.form().get(Csrf.FIELD))) {
                return csrfRefused(visit);
            }
        }
        return true;
    }

    private static boolean csrfRefused(Visit visit) {
        visit.html(403, Layout.problem(visit, visit.t("error.csrf.title"), visit.t("error.csrf")));
        return false;
    }

    /**
     * A second line behind the token: a browser names the page a post came from in {@code Origin};
     * it must be this server (as the request reached it, or as configured).
     */
    private static boolean sameOrigin(Exchange ex, Visit visit) {
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
            URI base = URI.create(visit.baseUrl());
            return o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(base.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
