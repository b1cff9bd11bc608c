package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;

import java.util.ArrayList;
import java.util.List;

import org.kith.core.Groups;
import org.kith.core.Kith;
import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.KithException;
import org.kith.core.view.EntryView;
import org.kith.core.view.GroupView;
import org.kith.core.view.InvitationView;
import org.kith.server.http.Route;

/**
 * What members and owners do on a group's page: invite, create links, revoke, manage entries,
 * edit, transfer, remove, leave, delete. Each action redirects back to the page, or shows it
 * again with the error beside the form that caused it.
 */
final class GroupActions {
    /** An action that may fail with an error that belongs to one form of the page. */
    @FunctionalInterface
    private interface Action {
        String run(Visit ex, long groupId);
    }

    private final Kith kith;
    private final GroupPage page;

    GroupActions(Kith kith) {
        this.kith = kith;
        this.page = new GroupPage(kith);
    }

    List<Route> routes() {
        String g = "/web/groups/{id}";
        return List.of(
                WebRoute.action(g + "/invite", form("invite", (ex, id) -> {
                    kith.invitations().inviteUser(ex.me(), id, ex.form().get("username").strip(), null);
                    return "?done=invited";
                })),
                WebRoute.action(g + "/links", form("link", this::createLink)),
                WebRoute.action(g + "/invitations/{inv}/revoke", form("", (ex, id) -> {
                    kith.invitations().revoke(ex.me(), id, ex.id("inv"));
                    return "?done=revoked";
                })),
                WebRoute.action(g + "/entries", form("entry-add", this::addEntry)),
                WebRoute.action(g + "/entries/{entry}", ex -> form("entry-" + ex.id("entry"), this::editEntry).handle(ex)),
                WebRoute.action(g + "/entries/{entry}/delete", form("", (ex, id) -> {
                    kith.entries().delete(ex.me(), id, ex.id("entry"));
                    return "?done=entryDeleted";
                })),
                WebRoute.action(g + "/edit", form("settings", this::edit)),
                WebRoute.action(g + "/transfer", form("settings", (ex, id) -> {
                    kith.groups().transferOwnership(ex.me(), id, ex.form().get("username"));
                    return "?done=transferred";
                })),
                WebRoute.action(g + "/members/{username}/remove", form("", (ex, id) -> {
                    kith.groups().removeMember(ex.me(), id, ex.http().var("username"));
                    return "?done=removed";
                })),
                WebRoute.action(g + "/members/{username}/owner", form("", (ex, id) -> {
                    kith.groups().transferOwnership(ex.me(), id, ex.http().var("username"));
                    return "?done=transferred";
                })),
                WebRoute.action(g + "/leave", ex -> {
                    kith.groups().removeMember(ex.me(), ex.id("id"), ex.account().username());
                    ex.http().redirect("/web/groups");
                }),
                WebRoute.page(g + "/delete", this::confirmDelete),
                WebRoute.action(g + "/delete", ex -> {
                    kith.groups().delete(ex.me(), ex.id("id"));
                    ex.http().redirect("/web/groups");
                }));
    }

    /** Runs an action; success goes back to the page (plus what it returned), failure shows the page with the error. */
    private Visit.Handler form(String formName, Action action) {
        return ex -> {
            long id = ex.id("id");
            String suffix;
            try {
                suffix = action.run(ex, id);
            } catch (KithException e) {
                if (e instanceof org.kith.core.error.NotFound && formName.isEmpty()) {
                    throw e;
                }
                page.render(ex, id, new GroupPage.Failed(formName, ex.form(), FieldErrors.of(ex, e)), 422);
                return;
            }
            ex.http().redirect("/web/groups/" + id + suffix);
        };
    }

    private String createLink(Visit ex, long id) {
        var f = ex.form();
        Integer hours = GroupsPages.parseLimit(f.get("expiresInHours"), "expiresInHours");
        Integer uses = GroupsPages.parseLimit(f.get("maxUses"), "maxUses");
        Integer entryNumber = GroupsPages.parseLimit(f.get("entryId"), "entryId");
        Long entry = entryNumber == null ? null : Long.valueOf(entryNumber);
        InvitationView v = kith.invitations().createLink(ex.me(), id, uses, hours, entry);
        long inv = v.invitation().id();
        return "?done=linked&new=" + inv + "#inv-" + inv;
    }

    private String addEntry(Visit ex, long id) {
        var f = ex.form();
        String invite = f.get("inviteUsername").strip();
        kith.entries().add(ex.me(), id, entryCard(f, CardData.named("")), invite.isEmpty() ? null : invite);
        return "?done=entryAdded";
    }

    private String editEntry(Visit ex, long id) {
        long entryId = ex.id("entry");
        EntryView current = kith.entries().list(ex.me(), id).stream().filter(e -> e.entry().id() == entryId)
                .findFirst().orElseThrow(() -> new org.kith.core.error.NotFound(ErrorCode.ENTRY_NOT_FOUND,
                        "no such managed entry"));
        CardData before = CardCodec.toData(CardCodec.fromCanonical(current.entry().vcard()), ex.account().region());
        kith.entries().update(ex.me(), id, entryId, entryCard(ex.form(), before));
        return "?done=entrySaved";
    }

    /** The entry form edits the name, the first number and the first e-mail; the rest of the card stays. */
    private static CardData entryCard(Form f, CardData before) {
        List<CardData.Tel> tels = new ArrayList<>(before.tel());
        String tel = f.get("tel").strip();
        if (!tels.isEmpty()) {
            tels.remove(0);
        }
        if (!tel.isEmpty()) {
            tels.add(0, new CardData.Tel(before.tel().isEmpty() ? "cell" : before.tel().get(0).type(), tel));
        }
        List<CardData.Email> emails = new ArrayList<>(before.email());
        String email = f.get("email").strip();
        if (!emails.isEmpty()) {
            emails.remove(0);
        }
        if (!email.isEmpty()) {
            emails.add(0, new CardData.Email(before.email().isEmpty() ? "home" : before.email().get(0).type(), email));
        }
        return new CardData(f.get("fn"), before.n(), tels, emails, before.org(), before.title(), before.adr(),
                before.note(), before.photo());
    }

    private String edit(Visit ex, long id) {
        var f = ex.form();
        Integer limit = GroupsPages.parseLimit(f.get("memberLimit"), "memberLimit");
        kith.groups().edit(ex.me(), id, new Groups.Edit(f.get("name"), f.get("description"), limit,
                f.get("membersMayInvite").equals("yes")));
        return "?done=saved";
    }

    private void confirmDelete(Visit ex) {
        GroupView g = kith.groups().get(ex.me(), ex.id("id"));
        long id = g.group().id();
        ex.html(200, Layout.page(ex, ex.t("delete.title", g.group().name()),
                el("p", cls("warning"), ex.t("delete.warning", g.memberCount())),
                FormKit.post(ex, "/web/groups/" + id + "/delete",
                        el("button", attr("type", "submit"), cls("danger"), ex.t("delete.confirm", g.group().name()))),
                el("p", el("a", attr("href", "/web/groups/" + id), ex.t("delete.cancel")))));
    }
}
