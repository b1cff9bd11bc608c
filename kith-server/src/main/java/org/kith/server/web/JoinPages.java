package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.error.KithException;
import org.kith.core.model.InvitationStatus;
import org.kith.core.view.GroupView;
import org.kith.core.view.InvitationView;
import org.kith.server.http.Route;

/**
 * Invitation links ({@code /join/{code}}), as the REST API hands them out. Signed out, the page
 * names the group and leads through sign-up or sign-in back here; signed in, it asks
 * "join this group?" and the answer leads to the group.
 */
final class JoinPages {
    private final Kith kith;

    JoinPages(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                WebRoute.publicPage("/join/{code}", this::show),
                WebRoute.action("/join/{code}/accept", this::accept),
                WebRoute.action("/join/{code}/decline", ex -> ex.http().redirect(Redirects.HOME)));
    }

    private void show(Visit ex) {
        String code = ex.http().var("code");
        InvitationView v = kith.invitations().preview(code);
        String here = "/join/" + AuthPages.enc(code);
        String title = ex.t("join.title", v.groupName());
        if (v.status() != InvitationStatus.PENDING) {
            ex.html(410, Layout.problem(ex, title, ex.t("join.unusable." + v.status().wire())));
            return;
        }
        String who = ex.t("join.invitedBy", v.inviterUsername(), v.groupName());
        if (ex.account() == null) {
            ex.html(200, Layout.page(ex, title,
                    el("p", cls("lead"), who),
                    el("p", ex.t("join.signedOut")),
                    el("p", cls("actions"),
                            el("a", cls("button primary"), attr("href", "/web/signup?next=" + AuthPages.enc(here)),
                                    ex.t("signup.title")),
                            el("a", cls("button"), attr("href", "/web/signin?next=" + AuthPages.enc(here)),
                                    ex.t("signin.title")))));
            return;
        }
        GroupView already = kith.groups().list(ex.me()).stream().filter(g -> g.group().id() == v.invitation().groupId())
                .findFirst().orElse(null);
        if (already != null) {
            ex.html(200, Layout.page(ex, title, el("p", ex.t("join.already")),
                    el("p", el("a", attr("href", "/web/groups/" + already.group().id()), already.group().name()))));
            return;
        }
        ex.html(200, Layout.page(ex, title,
                el("p", cls("lead"), who),
                el("div", cls("actions"),
                        FormKit.button(ex, here + "/accept", ex.t("join.accept"), "primary"),
                        FormKit.button(ex, here + "/decline", ex.t("join.decline"), ""))));
    }

    private void accept(Visit ex) {
        String code = ex.http().var("code");
        try {
            GroupView g = kith.invitations().redeem(ex.me(), code);
            ex.http().redirect("/web/groups/" + g.group().id() + "?done=joined");
        } catch (KithException e) {
            ex.html(409, Layout.problem(ex, ex.t("join.failed"), WebErrors.message(ex.texts(), e)));
        }
    }
}
