package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ezvcard.VCardVersion;
import org.kith.core.Kith;
import org.kith.core.view.Changes;
import org.kith.core.view.Phonebook;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** A group's phonebook, whole or as changes since a token, and my blocks. */
final class PhonebookApi {
    private final Kith kith;

    PhonebookApi(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/groups/{id}/phonebook", "Every card I may see in the group", this::phonebook),
                auth("GET", "/api/v1/groups/{id}/changes", "Changes since a sync token (?since=T)", this::changes),
                auth("GET", "/api/v1/blocks", "People I hide my card from", ex -> ex.json(200,
                        kith.blocks().list(ex.account()).stream().map(Views::block).toList())),
                auth("PUT", "/api/v1/blocks/{username}", "Hide my card from someone", ex -> {
                    kith.blocks().block(ex.account(), ex.path("username"));
                    ex.noContent();
                }),
                auth("DELETE", "/api/v1/blocks/{username}", "Stop hiding my card from someone", ex -> {
                    kith.blocks().unblock(ex.account(), ex.path("username"));
                    ex.noContent();
                }));
    }

    private void phonebook(Exchange ex) {
        Phonebook book = kith.phonebooks().phonebook(ex.account(), ex.id("id"));
        VCardVersion version = version(ex);
        String region = kith.accounts().account(ex.account()).region();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("syncToken", book.syncToken());
        body.put("cards", book.cards().stream().map(c -> Views.entry(c, version, region)).toList());
        ex.json(200, body);
    }

    private void changes(Exchange ex) {
        long id = ex.id("id");
        String since = ex.query("since");
        Changes changes = kith.phonebooks().changes(ex.account(), id, since);
        VCardVersion version = version(ex);
        String region = kith.accounts().account(ex.account()).region();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("syncToken", changes.syncToken());
        body.put("updated", changes.updated().stream().map(c -> Views.entry(c, version, region)).toList());
        body.put("removed", changes.removed());
        body.put("more", changes.more());
        ex.json(200, body);
    }

    static VCardVersion version(Exchange ex) {
        return "4.0".equals(ex.query("vcard")) ? VCardVersion.V4_0 : VCardVersion.V3_0;
    }
}
