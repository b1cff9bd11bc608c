package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import org.kith.core.Groups;
import org.kith.core.Kith;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** Groups, their members and ownership, and managed entries. */
final class GroupApi {
    private final Kith kith;

    GroupApi(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                auth("POST", "/api/v1/groups", "Create a group", this::create),
                auth("GET", "/api/v1/groups", "My groups", ex -> ex.json(200,
                        kith.groups().list(ex.account()).stream().map(Views::group).toList())),
                auth("GET", "/api/v1/groups/{id}", "A group", ex -> ex.json(200,
                        Views.group(kith.groups().get(ex.account(), ex.id("id"))))),
                auth("PATCH", "/api/v1/groups/{id}", "Edit a group (owner)", this::edit),
                auth("DELETE", "/api/v1/groups/{id}", "Delete a group (owner)", ex -> {
                    kith.groups().delete(ex.account(), ex.id("id"));
                    ex.noContent();
                }),
                auth("GET", "/api/v1/groups/{id}/members", "Members I may see", ex -> ex.json(200,
                        kith.groups().members(ex.account(), ex.id("id")).stream().map(Views::member).toList())),
                auth("DELETE", "/api/v1/groups/{id}/members/{username}", "Remove a member (owner) or leave (self)",
                        ex -> {
                            kith.groups().removeMember(ex.account(), ex.id("id"), ex.path("username"));
                            ex.noContent();
                        }),
                auth("POST", "/api/v1/groups/{id}/owner", "Transfer ownership", this::transfer),
                auth("POST", "/api/v1/groups/{id}/entries", "Add a managed entry (owner)", this::addEntry),
                auth("GET", "/api/v1/groups/{id}/entries", "Managed entries", ex -> {
                    String region = region(ex);
                    ex.json(200, kith.entries().list(ex.account(), ex.id("id")).stream()
                            .map(e -> Views.managedEntry(e, region)).toList());
                }),
                auth("PUT", "/api/v1/groups/{id}/entries/{entryId}", "Edit a managed entry (owner)", this::updateEntry),
                auth("DELETE", "/api/v1/groups/{id}/entries/{entryId}", "Delete a managed entry (owner)", ex -> {
                    kith.entries().delete(ex.account(), ex.id("id"), ex.id("entryId"));
                    ex.noContent();
                }));
    }

    private void create(Exchange ex) {
        Requests.NewGroup r = Bodies.json(ex, Requests.NewGroup.class);
        ex.json(201, Views.group(kith.groups().create(ex.account(), r.name(), r.description(), r.memberLimit())));
    }

    private void edit(Exchange ex) {
        long id = ex.id("id");
        Requests.GroupPatch r = Bodies.json(ex, Requests.GroupPatch.class);
        ex.json(200, Views.group(kith.groups().edit(ex.account(), id,
                new Groups.Edit(r.name(), r.description(), r.memberLimit(), r.membersMayInvite()))));
    }

    private void transfer(Exchange ex) {
        long id = ex.id("id");
        Requests.Username r = Bodies.json(ex, Requests.Username.class);
        ex.json(200, Views.group(kith.groups().transferOwnership(ex.account(), id,
                Requests.require(r.username(), "username"))));
    }

    private void addEntry(Exchange ex) {
        long id = ex.id("id");
        Requests.NewEntry r = Bodies.json(ex, Requests.NewEntry.class);
        ex.json(201, Views.managedEntry(kith.entries().add(ex.account(), id, Requests.require(r.card(), "card"),
                r.inviteUsername()), region(ex)));
    }

    private void updateEntry(Exchange ex) {
        long id = ex.id("id");
        long entryId = ex.id("entryId");
        Requests.EntryUpdate r = Bodies.json(ex, Requests.EntryUpdate.class);
        ex.json(200, Views.managedEntry(kith.entries().update(ex.account(), id, entryId,
                Requests.require(r.card(), "card")), region(ex)));
    }

    private String region(Exchange ex) {
        return kith.accounts().account(ex.account()).region();
    }
}
