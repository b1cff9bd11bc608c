package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.view.GroupView;
import org.kith.core.view.InvitationView;
import org.kith.server.http.Route;

/** Invitations addressed to me: accept or decline. */
final class InboxPages {
    private final Kith kith;

    InboxPages(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                WebRoute.page("/web/invitations", this::show),
                WebRoute.action("/web/invitations/{id}/accept", ex -> {
                    GroupView g = kith.invitations().accept(ex.me(), ex.id("id"));
                    ex.http().redirect("/web/groups/" + g.group().id() + "?done=joined");
                }),
                WebRoute.action("/web/invitations/{id}/decline", ex -> {
                    kith.invitations().decline(ex.me(), ex.id("id"));
                    ex.http().redirect("/web/invitations");
                }));
    }

    private void show(Visit ex) {
        List<InvitationView> mine = kith.invitations().mine(ex.me());
        ex.html(200, Layout.page(ex, ex.t("inbox.title"),
                mine.isEmpty() ? el("p", cls("hint"), ex.t("inbox.none"))
                        : el("ul", cls("invitations"), mine.stream().map(v -> el("li",
                                attr("data-invitation", v.invitation().id()),
                                el("p", ex.t("join.invitedBy", v.inviterUsername(), v.groupName())),
                                el("div", cls("actions"),
                                        FormKit.button(ex, "/web/invitations/" + v.invitation().id() + "/accept",
                                                ex.t("join.accept"), "primary"),
                                        FormKit.button(ex, "/web/invitations/" + v.invitation().id() + "/decline",
                                                ex.t("join.decline"), "")))).toList())));
    }
}
