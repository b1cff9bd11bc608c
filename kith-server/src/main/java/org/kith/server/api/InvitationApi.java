package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;
import java.util.function.Function;

import org.kith.core.Kith;
import org.kith.core.view.InvitationView;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** Invitations: a group's (create, list, revoke) and mine (list, accept, decline, redeem a code). */
final class InvitationApi {
    private final Kith kith;
    private final Function<Exchange, String> baseUrl;

    InvitationApi(Kith kith, Function<Exchange, String> baseUrl) {
        this.kith = kith;
        this.baseUrl = baseUrl;
    }

    List<Route> routes() {
        return List.of(
                auth("POST", "/api/v1/groups/{id}/invitations", "Invite by username, or create a link", this::create),
                auth("GET", "/api/v1/groups/{id}/invitations", "A group's pending invitations", ex -> ex.json(200,
                        views(ex, kith.invitations().ofGroup(ex.account(), ex.id("id"))))),
                auth("DELETE", "/api/v1/groups/{id}/invitations/{invId}", "Revoke an invitation", ex -> {
                    kith.invitations().revoke(ex.account(), ex.id("id"), ex.id("invId"));
                    ex.noContent();
                }),
                auth("GET", "/api/v1/invitations", "Invitations addressed to me", ex -> ex.json(200,
                        views(ex, kith.invitations().mine(ex.account())))),
                auth("POST", "/api/v1/invitations/redeem", "Join with an invitation code", this::redeem),
                auth("POST", "/api/v1/invitations/{id}/accept", "Accept an invitation", ex -> ex.json(200,
                        Views.group(kith.invitations().accept(ex.account(), ex.id("id"))))),
                auth("POST", "/api/v1/invitations/{id}/decline", "Decline an invitation", ex -> {
                    kith.invitations().decline(ex.account(), ex.id("id"));
                    ex.noContent();
                }));
    }

    private void create(Exchange ex) {
        long id = ex.id("id");
        Requests.NewInvitation r = Bodies.json(ex, Requests.NewInvitation.class);
        Long entryId = Requests.optionalId(r.entryId(), "entryId");
        InvitationView v = r.username() != null
                ? kith.invitations().inviteUser(ex.account(), id, r.username(), entryId)
                : kith.invitations().createLink(ex.account(), id, r.maxUses(), r.expiresInHours(), entryId);
        ex.json(201, Views.invitation(v, baseUrl.apply(ex)));
    }

    private void redeem(Exchange ex) {
        Requests.Code r = Bodies.json(ex, Requests.Code.class);
        ex.json(200, Views.group(kith.invitations().redeem(ex.account(), Requests.require(r.code(), "code"))));
    }

    private List<Object> views(Exchange ex, List<InvitationView> list) {
        String base = baseUrl.apply(ex);
        return list.stream().map(v -> (Object) Views.invitation(v, base)).toList();
    }
}
