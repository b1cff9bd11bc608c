package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;
import java.util.function.Function;

import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.core.view.InvitationView;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/**
 * Invitations: a group's ({@code /groups/{id}/invitations}: create by username or as a link,
 * list, revoke) and mine ({@code /invitations}: list, accept, decline, redeem a code).
 */
final class InvitationsApi implements Resource {
    private final Kith kith;
    private final Function<Exchange, String> baseUrl;

    InvitationsApi(Kith kith, Function<Exchange, String> baseUrl) {
        this.kith = kith;
        this.baseUrl = baseUrl;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("POST", "/api/v1/groups/{id}/invitations", "Invite by username, or create a link/code",
                        this::create).body("NewInvitation").returns(201, "Invitation"),
                auth("GET", "/api/v1/groups/{id}/invitations", "The group's pending invitations I may see",
                        this::ofGroup).returns(200, "Invitation[]"),
                auth("DELETE", "/api/v1/groups/{id}/invitations/{invId}", "Revoke an invitation (inviter or owner)",
                        this::revoke).returns(204, null),
                auth("GET", "/api/v1/invitations", "Pending invitations addressed to me", this::mine)
                        .returns(200, "Invitation[]"),
                auth("POST", "/api/v1/invitations/redeem", "Join a group with an invitation code", this::redeem)
                        .body("Code").returns(200, "Group"),
                auth("POST", "/api/v1/invitations/{id}/accept", "Accept an invitation and join", this::accept)
                        .returns(200, "Group"),
                auth("POST", "/api/v1/invitations/{id}/decline", "Decline an invitation", this::decline)
                        .returns(204, null));
    }

    private void create(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        Requests.NewInvitation r = Bodies.json(ex, Requests.NewInvitation.class);
        Long entryId = Requests.optionalId(r.entryId(), "entryId");
        InvitationView v = r.username() != null
                ? kith.invitations().inviteUser(ex.account(), id, r.username(), entryId)
                : kith.invitations().createLink(ex.account(), id, r.maxUses(), r.expiresInHours(), entryId);
        ex.json(201, Views.invitation(v, baseUrl.apply(ex)));
    }

    private void ofGroup(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        ex.json(200, views(ex, kith.invitations().ofGroup(ex.account(), id)));
    }

    private void revoke(Exchange ex) {
        kith.invitations().revoke(ex.account(), ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND),
                ex.id("invId", "invitation", ErrorCode.INVITATION_NOT_FOUND));
        ex.noContent();
    }

    private void mine(Exchange ex) {
        ex.json(200, views(ex, kith.invitations().mine(ex.account())));
    }

    private void redeem(Exchange ex) {
        Requests.Code r = Bodies.json(ex, Requests.Code.class);
        ex.json(200, Views.group(kith.invitations().redeem(ex.account(), Requests.require(r.code(), "code"))));
    }

    private void accept(Exchange ex) {
        long id = ex.id("id", "invitation", ErrorCode.INVITATION_NOT_FOUND);
        ex.json(200, Views.group(kith.invitations().accept(ex.account(), id)));
    }

    private void decline(Exchange ex) {
        kith.invitations().decline(ex.account(), ex.id("id", "invitation", ErrorCode.INVITATION_NOT_FOUND));
        ex.noContent();
    }

    private List<Object> views(Exchange ex, List<InvitationView> list) {
        String base = baseUrl.apply(ex);
        return list.stream().map(v -> (Object) Views.invitation(v, base)).toList();
    }
}
