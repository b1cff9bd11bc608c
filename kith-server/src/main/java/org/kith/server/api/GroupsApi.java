package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import org.kith.core.Groups;
import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /groups}: create, list, read, edit, delete, and hand over ownership. */
final class GroupsApi implements Resource {
    private final Kith kith;

    GroupsApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("POST", "/api/v1/groups", "Create a group; I become its owner", this::create)
                        .body("NewGroup").returns(201, "Group"),
                auth("GET", "/api/v1/groups", "The groups I am a member of", this::list).returns(200, "Group[]"),
                auth("GET", "/api/v1/groups/{id}", "A group I am a member of", this::get).returns(200, "Group"),
                auth("PATCH", "/api/v1/groups/{id}", "Edit a group (owner)", this::edit)
                        .body("GroupPatch").returns(200, "Group"),
                auth("DELETE", "/api/v1/groups/{id}", "Delete a group (owner)", this::delete).returns(204, null),
                auth("POST", "/api/v1/groups/{id}/owner", "Transfer ownership to another member (owner)",
                        this::transfer).body("Username").returns(200, "Group"));
    }

    private void create(Exchange ex) {
        Requests.NewGroup r = Bodies.json(ex, Requests.NewGroup.class);
        ex.json(201, Views.group(kith.groups().create(ex.account(), r.name(), r.description(), r.memberLimit())));
    }

    private void list(Exchange ex) {
        ex.json(200, kith.groups().list(ex.account()).stream().map(Views::group).toList());
    }

    private void get(Exchange ex) {
        ex.json(200, Views.group(kith.groups().get(ex.account(), ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND))));
    }

    private void edit(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        Requests.GroupPatch r = Bodies.json(ex, Requests.GroupPatch.class);
        ex.json(200, Views.group(kith.groups().edit(ex.account(), id,
                new Groups.Edit(r.name(), r.description(), r.memberLimit(), r.membersMayInvite()))));
    }

    private void delete(Exchange ex) {
        kith.groups().delete(ex.account(), ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND));
        ex.noContent();
    }

    private void transfer(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        Requests.Username r = Bodies.json(ex, Requests.Username.class);
        ex.json(200, Views.group(kith.groups().transferOwnership(ex.account(), id,
                Requests.require(r.username(), "username"))));
    }
}
