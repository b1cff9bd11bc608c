package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.id;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jetty.server.Request;
import org.kith.core.Kith;
import org.kith.core.error.KithException;
import org.kith.core.model.DirectoryToken;
import org.kith.core.view.GroupView;
import org.kith.core.view.NewSecret;
import org.kith.server.directory.PhonebookRoutes;
import org.kith.server.directory.PhonebookUrls;
import org.kith.server.http.Route;
import org.kith.server.ldap.LdapNames;

/**
 * The devices page's "Desk phone" and "LDAP" sections: pick the phone's vendor (and a group, or
 * all), get a token and the URL with the settings to type into that phone, list and revoke the
 * tokens; and the LDAP settings for phones, Thunderbird and Outlook.
 */
public final class DeskPhonePages {
    /** The vendors offered, in the order shown, with the key of their URL. */
    static final List<String> VENDORS = List.of("yealink", "yealinkMenu", "grandstream", "cisco", "snom", "fanvil",
            "gigaset");

    /**
     * How the server runs its directories.
     * @param tokenLifetime how long a new token stays valid (zero: until revoked)
     * @param ldapUrl the LDAP URL for a request, empty when LDAP is off
     */
    public record Settings(Duration tokenLifetime, Function<Request, Optional<String>> ldapUrl) {
        static Settings off() {
            return new Settings(Duration.ZERO, r -> Optional.empty());
        }
    }

    /** A token just created: shown once, with its URL for the chosen vendor. */
    record Created(String name, String vendor, String url) {}

    private final Kith kith;
    private final Settings settings;

    DeskPhonePages(Kith kith, Settings settings) {
        this.kith = kith;
        this.settings = settings;
    }

    List<Route> routes(DevicePages devices) {
        return List.of(
                WebRoute.action("/web/devices/desk-phone", ex -> create(ex, devices)),
                WebRoute.action("/web/devices/desk-phone/{id}/revoke", ex -> {
                    kith.directoryTokens().revoke(ex.me(), ex.id("id"));
                    ex.http().redirect("/web/devices#desk-h");
                }));
    }

    private void create(Visit ex, DevicePages devices) {
        String name = ex.form().get("name");
        String vendor = VENDORS.contains(ex.form().get("vendor")) ? ex.form().get("vendor") : "yealink";
        String group = ex.form().get("group");
        try {
            Long groupId = group.isBlank() ? null : PhonebookRoutes.group(group);
            if (groupId != null) {
                kith.phonebooks().token(ex.me(), groupId); // not found unless I am a member
            }
            NewSecret s = kith.directoryTokens().create(ex.me(), name, settings.tokenLifetime());
            String url = PhonebookUrls.of(ex.baseUrl(), s.secret(), groupId).get(vendor);
            devices.render(ex, new Created(name.strip(), vendor, url), FieldErrors.none(), 200);
        } catch (KithException e) {
            FieldErrors errors = FieldErrors.none();
            errors.add("desk-name", WebErrors.message(ex.texts(), e));
            devices.render(ex, null, errors, 422);
        }
    }

    /** The two sections, for the devices page. */
    List<Html> sections(Visit ex, Created created, FieldErrors errors) {
        List<DirectoryToken> tokens = kith.directoryTokens().list(ex.me());
        List<FormKit.Option> vendors = new ArrayList<>();
        for (String v : VENDORS) {
            vendors.add(new FormKit.Option(v, ex.t("desk.vendor." + v)));
        }
        List<FormKit.Option> groups = new ArrayList<>(List.of(new FormKit.Option("", ex.t("desk.allGroups"))));
        for (GroupView g : kith.groups().list(ex.me())) {
            groups.add(new FormKit.Option(Long.toString(g.group().id()), g.group().name()));
        }
        String username = ex.account().username();
        Html desk = el("section", attr("aria-labelledby", "desk-h"),
                el("h2", id("desk-h"), ex.t("desk.title")),
                el("p", ex.t("desk.how")),
                created == null ? null : el("div", cls("secret"), attr("role", "status"),
                        el("p", ex.t("desk.created", created.name(), ex.t("desk.vendor." + created.vendor()))),
                        el("p", el("code", id("desk-url"), created.url())),
                        el("p", ex.t("desk.settings." + created.vendor())),
                        el("p", cls("hint"), ex.t("desk.once"))),
                el("p", cls("hint"), ex.t("desk.basic"), " ",
                        el("code", PhonebookUrls.of(ex.baseUrl(), PhonebookUrls.BASIC, null).get("yealink"))),
                errors.get("desk-name") == null ? null : FormKit.summary(errors),
                FormKit.post(ex, "/web/devices/desk-phone", cls("compact"),
                        FormKit.input("desk-name", "name", ex.t("desk.phoneName"), "text", "",
                                errors.get("desk-name"), attr("required", "")),
                        FormKit.select("desk-vendor", "vendor", ex.t("desk.vendor"), vendors,
                                created == null ? "yealink" : created.vendor()),
                        FormKit.select("desk-group", "group", ex.t("desk.group"), groups, ""),
                        FormKit.submit(ex.t("desk.create"))),
                tokens.isEmpty() ? el("p", cls("hint"), ex.t("desk.none"))
                        : el("ul", cls("passwords"), tokens.stream().map(t -> el("li",
                                attr("data-directory-token", t.id()),
                                el("span", cls("name"), t.name()), " ",
                                el("span", cls("meta"), ex.t("devices.meta", Dates.format(t.createdAt()),
                                        Dates.format(t.lastUsedAt()))),
                                FormKit.button(ex, "/web/devices/desk-phone/" + t.id() + "/revoke",
                                        ex.t("devices.revoke", t.name()), "link danger"))).toList()));
        Optional<String> ldapUrl = settings.ldapUrl().apply(ex.http().request());
        Html ldap = el("section", attr("aria-labelledby", "ldap-h"),
                el("h2", id("ldap-h"), ex.t("desk.ldap")),
                ldapUrl.isEmpty() ? el("p", cls("hint"), ex.t("desk.ldap.off"))
                        : el("dl", cls("facts"),
                                el("dt", ex.t("desk.ldap.server")), el("dd", el("code", id("ldap-url"), ldapUrl.get())),
                                el("dt", ex.t("desk.ldap.base")), el("dd", el("code", id("ldap-base"),
                                        LdapNames.baseDn(username))),
                                el("dt", ex.t("desk.ldap.bind")), el("dd", el("code", id("ldap-bind"),
                                        LdapNames.bindDn(username))),
                                el("dt", ex.t("devices.field.password")), el("dd", ex.t("desk.ldap.password")),
                                el("dt", ex.t("desk.ldap.filters")), el("dd",
                                        el("code", "(|(cn=%)(sn=%)(mail=%))"), " ",
                                        el("code", "(|(telephoneNumber=%)(mobile=%)(homePhone=%))"))));
        return List.of(desk, ldap);
    }
}
