package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.flag;
import static org.kith.server.web.Tags.id;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ezvcard.VCardVersion;
import org.kith.core.Kith;
import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.error.ErrorCode;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.Role;
import org.kith.core.model.Username;
import org.kith.core.view.EntryView;
import org.kith.core.view.GroupView;
import org.kith.core.view.InvitationView;
import org.kith.core.view.MemberView;
import org.kith.server.http.Route;

/**
 * A group's page: the cards I may see and the members (both refreshed live), invitations,
 * managed entries and the owner's settings; plus the group's photos and its phonebook as one
 * {@code .vcf}.
 */
final class GroupPage {
    /** Which form on the page failed, what was typed into it and what was wrong. */
    record Failed(String form, Form values, FieldErrors errors) {
        static final Failed NONE = new Failed("", Form.empty(), FieldErrors.none());

        String value(String formName, String field, String fallback) {
            return form.equals(formName) ? values.get(field) : fallback;
        }

        String error(String formName, String field) {
            return form.equals(formName) ? errors.get(field) : null;
        }

        Html summary(String formName) {
            return form.equals(formName) ? FormKit.summary(errors) : null;
        }
    }

    private static final Set<String> DONE = Set.of("invited", "linked", "revoked", "removed", "transferred", "saved",
            "entryAdded", "entrySaved", "entryDeleted", "blocked", "unblocked", "joined");

    private final Kith kith;

    GroupPage(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                WebRoute.page("/web/groups/{id}", ex -> render(ex, ex.id("id"), Failed.NONE, 200)),
                WebRoute.page("/web/groups/{id}/live", ex -> ex.fragment(live(ex, ex.id("id")))),
                WebRoute.page("/web/groups/{id}/photo/{uid}", this::photo),
                WebRoute.page("/web/groups/{id}/phonebook.vcf", this::vcf));
    }

    void render(Visit ex, long groupId, Failed failed, int status) {
        GroupView g = kith.groups().get(ex.me(), groupId);
        boolean owner = g.myRole() == Role.OWNER;
        boolean mayInvite = owner || g.group().membersMayInvite();
        String done = ex.http().query("done", "");
        ex.html(status, Layout.page(ex, g.group().name(),
                DONE.contains(done) ? el("p", cls("notice"), attr("role", "status"), ex.t("group.done." + done)) : null,
                failed.summary(""), // an action on something listed (remove, revoke, delete) that failed
                g.group().description().isEmpty() ? null : el("p", cls("description"), g.group().description()),
                el("p", cls("meta"), ex.t("group.limit", g.group().memberLimit()), " · ",
                        ex.t("group.owner", g.ownerUsername()), " · ",
                        el("a", attr("href", "/web/groups/" + groupId + "/phonebook.vcf"), attr("download", ""),
                                ex.t("group.download"))),
                el("div", id("live-notice"), cls("live-notice"), attr("role", "status"), attr("aria-live", "polite")),
                el("div", id("live"), attr("data-group", groupId),
                        attr("data-live-url", "/web/groups/" + groupId + "/live"),
                        attr("data-msg-added", ex.t("live.added")), attr("data-msg-updated", ex.t("live.updated")),
                        attr("data-msg-removed", ex.t("live.removed")), attr("data-msg-group", ex.t("live.group")),
                        attr("data-msg-gone", ex.t("live.gone")),
                        live(ex, groupId)),
                mayInvite ? invite(ex, groupId, owner, failed) : null,
                invitations(ex, groupId),
                owner ? entries(ex, groupId, failed) : null,
                owner ? settings(ex, g, failed) : null,
                leave(ex, g)));
    }

    /** The part of the page the event stream refreshes: cards and members. */
    Html live(Visit ex, long groupId) {
        List<VisibleCard> cards = kith.phonebooks().phonebook(ex.me(), groupId).cards();
        List<MemberView> members = kith.groups().members(ex.me(), groupId);
        GroupView g = kith.groups().get(ex.me(), groupId);
        String region = ex.account().region();
        Set<Username> blocked = kith.blocks().list(ex.me()).stream().map(b -> Username.of(b.username()))
                .collect(Collectors.toSet());
        boolean owner = g.myRole() == Role.OWNER;
        return Tags.join(
                el("section", attr("aria-labelledby", "cards-h"),
                        el("h2", id("cards-h"), ex.t("group.cards"), " ", el("span", cls("count"), "(" + cards.size() + ")")),
                        el("ul", cls("cards"), id("cards"), cards.stream().map(c -> CardView.render(ex, groupId, c, region))
                                .toList())),
                el("section", attr("aria-labelledby", "members-h"),
                        el("h2", id("members-h"), ex.t("group.members"), " ",
                                el("span", cls("count"), "(" + members.size() + ")")),
                        el("ul", cls("members"), id("members"), members.stream().map(m -> member(ex, groupId, m, owner,
                                blocked.contains(Username.of(m.username())))).toList())));
    }

    private Html member(Visit ex, long groupId, MemberView m, boolean iAmOwner, boolean iBlockThem) {
        boolean me = Username.same(m.username(), ex.account().username());
        String back = "/web/groups/" + groupId;
        return el("li", cls("member"), attr("data-username", m.username()),
                el("span", cls("name"), m.displayName()), " ", el("span", cls("meta"), "@" + m.username()),
                m.role() == Role.OWNER ? el("span", cls("badge"), ex.t("role.owner")) : null,
                me ? el("span", cls("badge"), ex.t("card.you")) : null,
                iBlockThem ? el("span", cls("badge warn"), ex.t("block.hidden")) : null,
                me ? null : el("span", cls("actions"),
                        iBlockThem
                                ? FormKit.button(ex, "/web/blocks/unblock", ex.t("block.unblock", m.displayName()), "link",
                                        FormKit.hidden("username", m.username()), FormKit.hidden("back", back))
                                : FormKit.button(ex, "/web/blocks", ex.t("block.block", m.displayName()), "link",
                                        FormKit.hidden("username", m.username()), FormKit.hidden("back", back)),
                        iAmOwner ? FormKit.button(ex, back + "/members/" + AuthPages.enc(m.username()) + "/remove",
                                ex.t("member.remove", m.displayName()), "link danger") : null,
                        iAmOwner ? FormKit.button(ex, back + "/members/" + AuthPages.enc(m.username()) + "/owner",
                                ex.t("member.makeOwner", m.displayName()), "link") : null));
    }

    private Html invite(Visit ex, long groupId, boolean owner, Failed failed) {
        String base = "/web/groups/" + groupId;
        return el("section", attr("aria-labelledby", "invite-h"),
                el("h2", id("invite-h"), ex.t("invite.title")),
                failed.summary("invite"),
                FormKit.post(ex, base + "/invite", cls("compact"),
                        FormKit.input("invite-username", "username", ex.t("invite.username"), "text",
                                failed.value("invite", "username", ""), failed.error("invite", "username"),
                                attr("required", ""), attr("autocapitalize", "none")),
                        FormKit.submit(ex.t("invite.send"))),
                el("h3", ex.t("invite.link")),
                failed.summary("link"),
                FormKit.post(ex, base + "/links", cls("compact"),
                        FormKit.input("link-hours", "expiresInHours", ex.t("invite.link.hours"), "number",
                                failed.value("link", "expiresInHours", "168"), failed.error("link", "expiresInHours"),
                                attr("min", "1")),
                        FormKit.input("link-uses", "maxUses", ex.t("invite.link.uses"), "number",
                                failed.value("link", "maxUses", ""), failed.error("link", "maxUses"), attr("min", "1")),
                        FormKit.submit(ex.t("invite.link.create"))));
    }

    private Html invitations(Visit ex, long groupId) {
        List<InvitationView> pending = kith.invitations().ofGroup(ex.me(), groupId);
        if (pending.isEmpty()) {
            return null;
        }
        String fresh = ex.http().query("new", "");
        return el("section", attr("aria-labelledby", "pending-h"),
                el("h2", id("pending-h"), ex.t("invite.pending")),
                el("ul", cls("invitations"), pending.stream().map(v -> {
                    var inv = v.invitation();
                    String url = inv.code() == null ? null : ex.baseUrl() + "/join/" + inv.code();
                    return el("li", id("inv-" + inv.id()), attr("data-invitation", inv.id()),
                            url == null ? el("span", ex.t("invite.forUser", v.inviteeUsername()))
                                    : el("div", cls("link"),
                                            el("label", attr("for", "inv-url-" + inv.id()), ex.t("invite.link.url")),
                                            el("input", id("inv-url-" + inv.id()), cls("invite-url"), attr("type", "text"),
                                                    attr("readonly", ""), attr("value", url)),
                                            el("details", flag("open", fresh.equals(Long.toString(inv.id()))),
                                                    el("summary", ex.t("invite.qr")),
                                                    QrCodes.svg(url, ex.t("invite.qr.label", v.groupName())))),
                            el("span", cls("meta"), ex.t("invite.meta", Dates.format(inv.expiresAt()), inv.uses(),
                                    inv.maxUses() == null ? "∞" : inv.maxUses())),
                            FormKit.button(ex, "/web/groups/" + groupId + "/invitations/" + inv.id() + "/revoke",
                                    ex.t("invite.revoke"), "link danger"));
                }).toList()));
    }

    private Html entries(Visit ex, long groupId, Failed failed) {
        List<EntryView> entries = kith.entries().list(ex.me(), groupId);
        String region = ex.account().region();
        String base = "/web/groups/" + groupId + "/entries";
        return el("section", attr("aria-labelledby", "entries-h"),
                el("h2", id("entries-h"), ex.t("entries.title")),
                el("p", cls("hint"), ex.t("entries.hint")),
                el("ul", cls("entries"), entries.stream().map(e -> {
                    CardData d = CardCodec.toData(CardCodec.fromCanonical(e.entry().vcard()), region);
                    String form = "entry-" + e.entry().id();
                    return el("li", attr("data-entry", e.entry().id()),
                            el("details", flag("open", failed.form().equals(form)),
                                    el("summary", d.fn(), e.entry().invitationId() != null
                                            ? el("span", cls("badge"), ex.t("entries.invited")) : null),
                                    failed.summary(form),
                                    entryForm(ex, base + "/" + e.entry().id(), "e" + e.entry().id(), form, d, failed,
                                            false, ex.t("entries.save"))),
                            FormKit.button(ex, "/web/groups/" + groupId + "/links", ex.t("entries.link"), "link",
                                    FormKit.hidden("entryId", e.entry().id())),
                            FormKit.button(ex, base + "/" + e.entry().id() + "/delete", ex.t("entries.delete"),
                                    "link danger"));
                }).toList()),
                el("h3", ex.t("entries.add")),
                failed.summary("entry-add"),
                entryForm(ex, base, "new-entry", "entry-add", CardData.named(""), failed, true, ex.t("entries.add.submit")));
    }

    private static Html entryForm(Visit ex, String action, String idPrefix, String form, CardData d, Failed failed,
                                  boolean withInvite, String submit) {
        String tel = d.tel().isEmpty() ? "" : d.tel().get(0).value();
        String email = d.email().isEmpty() ? "" : d.email().get(0).value();
        return FormKit.post(ex, action, cls("compact"),
                FormKit.input(idPrefix + "-fn", "fn", ex.t("field.fn"), "text", failed.value(form, "fn", d.fn()),
                        failed.error(form, "fn"), attr("required", "")),
                FormKit.input(idPrefix + "-tel", "tel", ex.t("field.tel"), "tel", failed.value(form, "tel", tel),
                        failed.error(form, "tel[0].value"), attr("data-phone", "")),
                FormKit.input(idPrefix + "-email", "email", ex.t("field.email"), "email",
                        failed.value(form, "email", email), failed.error(form, "email[0].value")),
                withInvite ? FormKit.input(idPrefix + "-invite", "inviteUsername", ex.t("entries.inviteUser"), "text",
                        failed.value(form, "inviteUsername", ""), failed.error(form, "username"),
                        attr("autocapitalize", "none")) : null,
                FormKit.submit(submit));
    }

    private Html settings(Visit ex, GroupView g, Failed failed) {
        long id = g.group().id();
        List<MemberView> others = kith.groups().members(ex.me(), id).stream()
                .filter(m -> !Username.same(m.username(), ex.account().username())).toList();
        return el("section", attr("aria-labelledby", "settings-h"),
                el("h2", id("settings-h"), ex.t("settings.title")),
                failed.summary("settings"),
                FormKit.post(ex, "/web/groups/" + id + "/edit",
                        FormKit.input("settings-name", "name", ex.t("field.groupName"), "text",
                                failed.value("settings", "name", g.group().name()), failed.error("settings", "name"),
                                attr("required", "")),
                        FormKit.textarea("settings-description", "description", ex.t("field.description"),
                                failed.value("settings", "description", g.group().description()),
                                failed.error("settings", "description")),
                        FormKit.input("settings-limit", "memberLimit", ex.t("field.memberLimit"), "number",
                                failed.value("settings", "memberLimit", Integer.toString(g.group().memberLimit())),
                                failed.error("settings", "memberLimit"), attr("min", "1")),
                        el("div", cls("field check"),
                                el("input", id("settings-mayinvite"), attr("type", "checkbox"),
                                        attr("name", "membersMayInvite"), attr("value", "yes"),
                                        flag("checked", g.group().membersMayInvite())),
                                el("label", attr("for", "settings-mayinvite"), ex.t("settings.membersMayInvite"))),
                        FormKit.submit(ex.t("settings.save"))),
                others.isEmpty() ? null : el("div",
                        el("h3", ex.t("settings.transfer")),
                        FormKit.post(ex, "/web/groups/" + id + "/transfer", cls("compact"),
                                FormKit.select("transfer-to", "username", ex.t("settings.transfer.to"),
                                        others.stream().map(m -> new FormKit.Option(m.username(),
                                                m.displayName() + " (@" + m.username() + ")")).toList(), ""),
                                el("button", attr("type", "submit"), ex.t("settings.transfer.submit")))),
                el("p", el("a", cls("danger"), attr("href", "/web/groups/" + id + "/delete"), ex.t("settings.delete"))));
    }

    private Html leave(Visit ex, GroupView g) {
        boolean owner = g.myRole() == Role.OWNER;
        if (owner && g.memberCount() > 1) {
            return null; // an owner hands the group over first (or deletes it)
        }
        return el("section", attr("aria-labelledby", "leave-h"),
                el("h2", id("leave-h"), ex.t("leave.title")),
                FormKit.button(ex, "/web/groups/" + g.group().id() + "/leave", ex.t("leave.submit"), "danger"));
    }

    private void photo(Visit ex) {
        VisibleCard card = kith.phonebooks().card(ex.me(), ex.id("id"), ex.http().var("uid"))
                .orElseThrow(() -> new org.kith.core.error.NotFound(ErrorCode.PAGE_NOT_FOUND, "no such card"));
        CardPages.sendPhoto(ex, CardCodec.toData(CardCodec.fromCanonical(card.canonical()), "CN").photo());
    }

    private void vcf(Visit ex) {
        long groupId = ex.id("id");
        GroupView g = kith.groups().get(ex.me(), groupId);
        StringBuilder out = new StringBuilder();
        for (VisibleCard c : kith.phonebooks().phonebook(ex.me(), groupId).cards()) {
            out.append(CardCodec.render(c.canonical(), c.uid(), VCardVersion.V3_0));
        }
        ex.http().download("text/vcard; charset=utf-8", g.group().name() + ".vcf", "kith-group-" + groupId + ".vcf",
                out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
