package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.id;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.error.KithException;
import org.kith.core.model.AppPassword;
import org.kith.core.push.PushRegistration;
import org.kith.core.view.NewSecret;
import org.kith.server.http.Route;
import org.kith.server.webpush.WebPush;

/**
 * Devices: app passwords (create, list, revoke), the phones registered for push (list, remove),
 * and how to set up each kind of device — an
 * Apple profile that does it in one tap, DAVx5 on Android, Thunderbird and the {@code kith}
 * command-line client — each with this server's exact URL.
 */
final class DevicePages {
    private final Kith kith;
    private final DeskPhonePages deskPhones;
    private final WebPush push;

    DevicePages(Kith kith, DeskPhonePages.Settings deskPhoneSettings, WebPush push) {
        this.kith = kith;
        this.deskPhones = new DeskPhonePages(kith, deskPhoneSettings);
        this.push = push;
    }

    List<Route> routes() {
        List<Route> routes = new java.util.ArrayList<>(deskPhones.routes(this));
        routes.addAll(List.of(
                WebRoute.page("/web/devices", ex -> render(ex, null, null, "", FieldErrors.none(), 200)),
                WebRoute.action("/web/devices", this::create),
                WebRoute.action("/web/devices/{id}/revoke", ex -> {
                    kith.accounts().revokeAppPassword(ex.me(), ex.id("id"));
                    ex.http().redirect("/web/devices");
                }),
                WebRoute.action("/web/devices/apple", this::appleProfile),
                WebRoute.action("/web/devices/push/{id}/remove", ex -> {
                    push.unregister(ex.me(), ex.http().var("id")); // someone else's or a gone one: nothing to do
                    ex.http().redirect("/web/devices");
                })));
        return routes;
    }

    /** The page after a desk-phone token was created (or refused). */
    void render(Visit ex, DeskPhonePages.Created created, FieldErrors errors, int status) {
        render(ex, null, null, "", errors, status, created);
    }

    private void create(Visit ex) {
        String name = ex.form().get("name");
        try {
            NewSecret secret = kith.accounts().createAppPassword(ex.me(), name);
            render(ex, name.strip(), secret.secret(), "", FieldErrors.none(), 200);
        } catch (KithException e) {
            render(ex, null, null, name, FieldErrors.of(ex, e), 422);
        }
    }

    private void appleProfile(Visit ex) {
        String device = ex.form().get("device").isBlank() ? "iPhone" : ex.form().get("device").strip();
        NewSecret secret;
        try {
            secret = kith.accounts().createAppPassword(ex.me(), device);
        } catch (KithException e) {
            FieldErrors errors = FieldErrors.none();
            errors.add("device", WebErrors.message(ex.texts(), e));
            render(ex, null, null, "", errors, 422);
            return;
        }
        String username = ex.account().username();
        byte[] profile = MobileConfig.profile(ex.baseUrl(), username, secret.secret(),
                ex.t("devices.apple.accountName", username), ex.t("devices.apple.description", ex.baseUrl()));
        ex.http().download(MobileConfig.CONTENT_TYPE, "kith-" + username + ".mobileconfig",
                "kith-" + username + ".mobileconfig", profile);
    }

    /** The phones registered for push (WebDAV-Push): book, dates, last push or error, and a way to remove one. */
    private Object pushSection(Visit ex) {
        List<PushRegistration> regs = push.registrations(ex.me());
        return el("section", attr("aria-labelledby", "push-h"),
                el("h2", id("push-h"), ex.t("devices.pushed")),
                regs.isEmpty() ? el("p", cls("hint"), ex.t("devices.pushed.none"))
                        : el("ul", cls("passwords"), regs.stream().map(r -> {
                            String book = push.bookName(ex.me(), r.book());
                            return el("li", attr("data-push-registration", r.publicId()),
                                    el("span", cls("name"), book), " ",
                                    el("span", cls("meta"), ex.t("devices.pushed.meta", Dates.format(r.createdAt()),
                                            Dates.format(r.expiresAt()), Dates.format(r.lastPushAt()))),
                                    r.lastError() == null ? null
                                            : el("span", cls("meta error"), ex.t("devices.pushed.error", r.lastError())),
                                    " ", FormKit.button(ex, "/web/devices/push/" + r.publicId() + "/remove",
                                            ex.t("devices.pushed.remove", book), "link danger"));
                        }).toList()));
    }

    private void render(Visit ex, String newName, String newSecret, String typedName, FieldErrors errors,
                        int status) {
        render(ex, newName, newSecret, typedName, errors, status, null);
    }

    private void render(Visit ex, String newName, String newSecret, String typedName, FieldErrors errors,
                        int status, DeskPhonePages.Created created) {
        List<AppPassword> passwords = kith.accounts().appPasswords(ex.me());
        String base = ex.baseUrl();
        String username = ex.account().username();
        String password = newSecret != null ? newSecret : ex.t("devices.yourAppPassword");
        ex.html(status, Layout.page(ex, ex.t("devices.title"),
                newSecret == null ? null : el("div", cls("secret"), attr("role", "status"),
                        el("p", ex.t("devices.created", newName)),
                        el("p", el("code", id("new-app-password"), newSecret)),
                        el("p", cls("hint"), ex.t("devices.once"))),
                el("section", attr("aria-labelledby", "server-h"),
                        el("h2", id("server-h"), ex.t("devices.server")),
                        el("dl", cls("facts"),
                                el("dt", ex.t("devices.serverUrl")), el("dd", el("code", id("server-url"), base)),
                                el("dt", ex.t("field.username")), el("dd", el("code", username)))),
                el("section", attr("aria-labelledby", "apple-h"),
                        el("h2", id("apple-h"), ex.t("devices.apple")),
                        el("p", ex.t("devices.apple.how")),
                        errors.get("device") == null ? null : FormKit.summary(errors),
                        FormKit.post(ex, "/web/devices/apple", cls("compact"),
                                FormKit.input("apple-device", "device", ex.t("devices.deviceName"), "text", "iPhone",
                                        errors.get("device")),
                                FormKit.submit(ex.t("devices.apple.download"))),
                        el("p", cls("hint"), ex.t("devices.apple.after"))),
                el("section", attr("aria-labelledby", "android-h"),
                        el("h2", id("android-h"), ex.t("devices.android")),
                        el("ol",
                                el("li", ex.t("devices.android.step1")),
                                el("li", ex.t("devices.android.step2")),
                                el("li", ex.t("devices.field.url"), " ", el("code", base + "/")),
                                el("li", ex.t("devices.field.user"), " ", el("code", username)),
                                el("li", ex.t("devices.field.password"), " ", el("code", password))),
                        el("h3", ex.t("devices.push")),
                        el("p", ex.t("devices.push.how"))),
                pushSection(ex),
                el("section", attr("aria-labelledby", "tb-h"),
                        el("h2", id("tb-h"), ex.t("devices.thunderbird")),
                        el("ol",
                                el("li", ex.t("devices.thunderbird.step1")),
                                el("li", ex.t("devices.field.url"), " ",
                                        el("code", base + "/dav/addressbooks/" + username + "/")),
                                el("li", ex.t("devices.field.user"), " ", el("code", username)),
                                el("li", ex.t("devices.field.password"), " ", el("code", password)))),
                el("section", attr("aria-labelledby", "cli-h"),
                        el("h2", id("cli-h"), ex.t("devices.cli")),
                        el("pre", el("code", "kith --server " + base + " login " + username + "\n"
                                + "kith sync ~/contacts/kith\nkith watch ~/contacts/kith"))),
                deskPhones.sections(ex, created, errors),
                el("section", attr("aria-labelledby", "pw-h"),
                        el("h2", id("pw-h"), ex.t("devices.passwords")),
                        passwords.isEmpty() ? el("p", cls("hint"), ex.t("devices.none"))
                                : el("ul", cls("passwords"), passwords.stream().map(p -> el("li",
                                        attr("data-app-password", p.id()),
                                        el("span", cls("name"), p.name()), " ",
                                        el("span", cls("meta"), ex.t("devices.meta", Dates.format(p.createdAt()),
                                                Dates.format(p.lastUsedAt()))),
                                        FormKit.button(ex, "/web/devices/" + p.id() + "/revoke",
                                                ex.t("devices.revoke", p.name()), "link danger"))).toList()),
                        el("h3", ex.t("devices.new")),
                        errors.get("name") == null ? null : FormKit.summary(errors),
                        FormKit.post(ex, "/web/devices", cls("compact"),
                                FormKit.input("device-name", "name", ex.t("devices.deviceName"), "text", typedName,
                                        errors.get("name"), attr("required", "")),
                                FormKit.submit(ex.t("devices.create"))))));
    }
}
