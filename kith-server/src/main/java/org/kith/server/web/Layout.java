package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.id;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The frame around every page: head, navigation, language switch, sign-out, main content. */
final class Layout {
    private Layout() {}

    private record NavItem(String href, String key) {}

    private static final List<NavItem> NAV = List.of(new NavItem("/web/groups", "nav.groups"),
            new NavItem("/web/card", "nav.card"), new NavItem("/web/invitations", "nav.invitations"),
            new NavItem("/web/blocks", "nav.blocks"), new NavItem("/web/devices", "nav.devices"));

    static Html page(Visit ex, String title, Object... content) {
        return el("html", attr("lang", ex.texts().htmlLang()),
                el("head",
                        el("meta", attr("charset", "utf-8")),
                        el("meta", attr("name", "viewport"), attr("content", "width=device-width, initial-scale=1")),
                        el("title", title + " · Kith"),
                        el("link", attr("rel", "stylesheet"), attr("href", "/web/static/kith.css")),
                        el("script", attr("src", "/web/static/kith.js"), attr("defer", ""))),
                el("body",
                        el("a", cls("skip"), attr("href", "#main"), ex.t("nav.skip")),
                        header(ex),
                        el("main", id("main"), attr("tabindex", "-1"), el("h1", title), content)));
    }

    private static Html header(Visit ex) {
        Html nav = null;
        Html who = null;
        if (ex.account() != null) {
            nav = el("nav", attr("aria-label", ex.t("nav.label")), el("ul", NAV.stream().map(item -> el("li",
                    el("a", attr("href", item.href()), ex.http().path().startsWith(item.href()) ? attr("aria-current", "page")
                            : null, ex.t(item.key())))).toList()));
            who = el("form", cls("signout"), attr("method", "post"), attr("action", "/web/signout"),
                    FormKit.csrf(ex),
                    el("span", cls("who"), ex.account().displayName() + " (" + ex.account().username() + ")"),
                    el("button", attr("type", "submit"), cls("link"), ex.t("nav.signout")));
        }
        return el("header", cls("top"),
                el("div", cls("bar"),
                        el("a", cls("brand"), attr("href", "/web/"), "Kith"),
                        languageSwitch(ex), who),
                nav);
    }

    private static Html languageSwitch(Visit ex) {
        String back = URLEncoder.encode(ex.http().pathAndQuery(), StandardCharsets.UTF_8);
        return el("span", cls("langs"), attr("aria-label", ex.t("nav.language")),
                Texts.LANGUAGES.stream().map(lang -> lang.equals(ex.texts().lang())
                        ? el("strong", attr("lang", lang), Texts.of(lang).t("lang.name"))
                        : el("a", attr("href", "/web/lang/" + lang + "?back=" + back), attr("lang", lang),
                                attr("hreflang", lang), Texts.of(lang).t("lang.name"))).toList());
    }

    /** A page that only says something went wrong, and how to go on. */
    static Html problem(Visit ex, String title, String message) {
        return page(ex, title, el("p", attr("role", "alert"), cls("error"), message),
                el("p", el("a", attr("href", "/web/"), ex.t("error.home"))));
    }
}
