package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.kith.core.Kith;
import org.kith.core.error.KithException;
import org.kith.core.view.NewSecret;
import org.kith.server.http.Route;

/** Sign up, sign in, sign out, the language switch and the front door. */
final class AuthPages {
    private final Kith kith;

    AuthPages(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                WebRoute.publicPage("/web", this::home),
                WebRoute.publicPage("/web/", this::home),
                WebRoute.publicPage("/web/signin", ex -> signInPage(ex, "", FieldErrors.none(), 200)),
                WebRoute.publicAction("/web/signin", this::signIn),
                WebRoute.publicPage("/web/signup", ex -> signUpPage(ex, "", "", kith.limits().defaultRegion(),
                        FieldErrors.none(), 200)),
                WebRoute.publicAction("/web/signup", this::signUp),
                WebRoute.publicAction("/web/signout", this::signOut),
                WebRoute.publicPage("/web/lang/{lang}", this::language));
    }

    private void home(Visit ex) {
        ex.http().redirect(ex.account() == null ? "/web/signin" : Redirects.HOME);
    }

    private static String next(Visit ex) {
        String n = ex.form().get("next");
        return Redirects.safe(n.isEmpty() ? ex.http().query("next", "") : n, Redirects.HOME);
    }

    private void signInPage(Visit ex, String username, FieldErrors errors, int status) {
        if (ex.account() != null && status == 200) {
            ex.http().redirect(next(ex));
            return;
        }
        String next = next(ex);
        ex.html(status, Layout.page(ex, ex.t("signin.title"),
                FormKit.summary(errors),
                FormKit.post(ex, "/web/signin", FormKit.hidden("next", next),
                        FormKit.input("username", "username", ex.t("field.username"), "text", username,
                                errors.get("username"), attr("autocomplete", "username"), attr("required", ""),
                                attr("autocapitalize", "none")),
                        FormKit.input("password", "password", ex.t("field.password"), "password", "",
                                errors.get("password"), attr("autocomplete", "current-password"), attr("required", "")),
                        FormKit.submit(ex.t("signin.submit"))),
                el("p", ex.t("signin.noaccount"), " ",
                        el("a", attr("href", "/web/signup?next=" + enc(next)), ex.t("signup.title")))));
    }

    private void signIn(Visit ex) {
        String username = ex.form().get("username").strip();
        try {
            NewSecret session = kith.accounts().createSession(username, ex.form().get("password"),
                    ex.http().remoteAddress());
            startSession(ex, session);
            ex.http().redirect(next(ex));
        } catch (KithException e) {
            signInPage(ex, username, FieldErrors.of(ex, e), e instanceof org.kith.core.error.Throttled ? 429 : 422);
        }
    }

    private void signUpPage(Visit ex, String username, String displayName, String region, FieldErrors errors,
                            int status) {
        String next = next(ex);
        ex.html(status, Layout.page(ex, ex.t("signup.title"),
                FormKit.summary(errors),
                FormKit.post(ex, "/web/signup", FormKit.hidden("next", next),
                        FormKit.input("username", "username", ex.t("field.username"), "text", username,
                                errors.get("username"), attr("autocomplete", "username"), attr("required", ""),
                                attr("autocapitalize", "none"), attr("aria-describedby", "username-hint")),
                        el("p", Tags.id("username-hint"), cls("hint"), ex.t("signup.username.hint")),
                        FormKit.input("displayName", "displayName", ex.t("field.displayName"), "text", displayName,
                                errors.get("displayName"), attr("autocomplete", "name"), attr("required", "")),
                        FormKit.input("password", "password", ex.t("field.password.new"), "password", "",
                                errors.get("password"), attr("autocomplete", "new-password"), attr("required", ""),
                                attr("minlength", "8")),
                        FormKit.input("region", "region", ex.t("field.region"), "text", region,
                                errors.get("region"), attr("maxlength", "2"), attr("size", "3")),
                        FormKit.submit(ex.t("signup.submit"))),
                el("p", ex.t("signup.haveaccount"), " ",
                        el("a", attr("href", "/web/signin?next=" + enc(next)), ex.t("signin.title")))));
    }

    private void signUp(Visit ex) {
        var f = ex.form();
        String username = f.get("username").strip();
        String displayName = f.get("displayName");
        String region = f.get("region").strip();
        try {
            kith.accounts().register(username, f.get("password"), displayName, region);
            NewSecret session = kith.accounts().createSession(username, f.get("password"),
                    ex.http().remoteAddress());
            startSession(ex, session);
            // Straight on to the new card: it is what the others will see.
            String next = next(ex);
            ex.http().redirect("/web/card?welcome=1" + (next.equals(Redirects.HOME) ? "" : "&next=" + enc(next)));
        } catch (KithException e) {
            signUpPage(ex, username, displayName, region, FieldErrors.of(ex, e), 422);
        }
    }

    private void startSession(Visit ex, NewSecret session) {
        ex.setCookie(WebUi.SESSION_COOKIE, session.secret(), kith.limits().sessionTtl().toSeconds());
    }

    private void signOut(Visit ex) {
        if (ex.sessionToken() != null) {
            kith.accounts().endSession(ex.sessionToken());
        }
        ex.setCookie(WebUi.SESSION_COOKIE, "", 0);
        ex.http().redirect("/web/signin");
    }

    private void language(Visit ex) {
        String lang = ex.http().var("lang");
        if (Texts.LANGUAGES.contains(lang)) {
            ex.setCookie(WebUi.LANG_COOKIE, lang, 365L * 24 * 3600);
        }
        ex.http().redirect(Redirects.safe(ex.http().query("back", ""), "/web/"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
