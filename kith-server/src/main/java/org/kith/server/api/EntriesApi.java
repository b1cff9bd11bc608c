package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /groups/{id}/entries}: cards an owner keeps for people who are not members (yet). */
final class EntriesApi implements Resource {
    private final Kith kith;

    EntriesApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("POST", "/api/v1/groups/{id}/entries", "Add a managed entry, optionally inviting its person (owner)",
                        this::add).body("NewEntry").returns(201, "ManagedEntry"),
                auth("GET", "/api/v1/groups/{id}/entries", "The group's managed entries", this::list)
                        .returns(200, "ManagedEntry[]"),
                auth("PUT", "/api/v1/groups/{id}/entries/{entryId}", "Replace a managed entry's card (owner)",
                        this::update).body("EntryUpdate").returns(200, "ManagedEntry"),
                auth("DELETE", "/api/v1/groups/{id}/entries/{entryId}", "Delete a managed entry (owner)",
                        this::delete).returns(204, null));
    }

    private void add(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        Requests.NewEntry r = Bodies.json(ex, Requests.NewEntry.class);
        var entry = FieldPaths.underCard("inviteUsername", () -> kith.entries().add(ex.account(), id,
                Requests.require(r.card(), "card"), r.inviteUsername()));
        ex.json(201, Views.managedEntry(entry, Views.region(kith, ex)));
    }

    private void list(Exchange ex) {
        String region = Views.region(kith, ex);
        ex.json(200, kith.entries().list(ex.account(), ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND)).stream()
                .map(e -> Views.managedEntry(e, region)).toList());
    }

    private void update(Exchange ex) {
        long id = ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND);
        long entryId = ex.id("entryId", "managed entry", ErrorCode.ENTRY_NOT_FOUND);
        Requests.EntryUpdate r = Bodies.json(ex, Requests.EntryUpdate.class);
        var entry = FieldPaths.underCard("username", () -> kith.entries().update(ex.account(), id, entryId,
                Requests.require(r.card(), "card")));
        ex.json(200, Views.managedEntry(entry, Views.region(kith, ex)));
    }

    private void delete(Exchange ex) {
        kith.entries().delete(ex.account(), ex.id("id", "group", ErrorCode.GROUP_NOT_FOUND),
                ex.id("entryId", "managed entry", ErrorCode.ENTRY_NOT_FOUND));
        ex.noContent();
    }
}
