package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /groups/{id}/members}: who is in a group; removing a member, or leaving. */
final class MembersApi implements Resource {
    private final Kith kith;

    MembersApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/groups/{id}/members", "The members I may see", this::list)
                        .returns(200, "Member[]"),
                auth("DELETE", "/api/v1/groups/{id}/members/{username}",
                        "Remove a member (owner), or leave (my own username)", this::remove).returns(204, null));
    }

    private void list(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        ex.json(200, kith.groups().members(ex.account(), id).stream().map(Views::member).toList());
    }

    private void remove(Exchange ex) {
        kith.groups().removeMember(ex.account(), ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND), ex.var("username"));
        ex.noContent();
    }
}
