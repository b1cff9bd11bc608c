package org.kith.server.api;

import static org.kith.server.http.Route.auth;
import static org.kith.server.http.Route.open;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ezvcard.VCardVersion;
import org.kith.core.Kith;
import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.model.Account;
import org.kith.core.model.AppPassword;
import org.kith.core.view.NewSecret;
import org.kith.core.view.OwnCard;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** Accounts, sessions, app passwords and my own card. */
final class AccountApi {
    private final Kith kith;

    AccountApi(Kith kith) {
        this.kith = kith;
    }

    List<Route> routes() {
        return List.of(
                open("POST", "/api/v1/accounts", "Register an account", this::register),
                auth("GET", "/api/v1/accounts/me", "The signed-in account", ex ->
                        ex.json(200, Views.account(kith.accounts().account(ex.account())))),
                open("POST", "/api/v1/sessions", "Log in and get a bearer token", this::login),
                auth("DELETE", "/api/v1/sessions/current", "Revoke the bearer token used", this::logout),
                auth("GET", "/api/v1/me/card", "My card (JSON, or vCard with Accept: text/vcard)", this::getCard),
                auth("PUT", "/api/v1/me/card", "Replace my card (JSON or text/vcard; If-Match honoured)", this::putCard),
                auth("GET", "/api/v1/app-passwords", "My app passwords", ex -> ex.json(200,
                        kith.accounts().appPasswords(ex.account()).stream().map(Views::appPassword).toList())),
                auth("POST", "/api/v1/app-passwords", "Create an app password", this::createAppPassword),
                auth("DELETE", "/api/v1/app-passwords/{id}", "Revoke an app password", ex -> {
                    kith.accounts().revokeAppPassword(ex.account(), ex.id("id"));
                    ex.noContent();
                }));
    }

    private void register(Exchange ex) {
        Requests.Register r = Bodies.json(ex, Requests.Register.class);
        Account a = kith.accounts().register(Requests.require(r.username(), "username"),
                Requests.require(r.password(), "password"), Requests.require(r.displayName(), "displayName"), r.region());
        ex.json(201, Views.account(a));
    }

    private void login(Exchange ex) {
        Requests.Login r = Bodies.json(ex, Requests.Login.class);
        NewSecret s = kith.accounts().createSession(Requests.require(r.username(), "username"),
                Requests.require(r.password(), "password"), ex.remoteAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", s.secret());
        body.put("expiresAt", s.expiresAt().toString());
        ex.json(201, body);
    }

    private void logout(Exchange ex) {
        String h = ex.header("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            kith.accounts().endSession(h.substring(7).strip());
        }
        ex.noContent();
    }

    private void getCard(Exchange ex) {
        sendCard(ex, kith.cards().myCard(ex.account()), 200);
    }

    private void putCard(Exchange ex) {
        String ifMatch = ex.header("If-Match");
        OwnCard card;
        if (ex.contentType().startsWith("text/vcard") || ex.contentType().startsWith("text/x-vcard")) {
            card = kith.cards().updateFromVcard(ex.account(), ex.body(), ifMatch);
        } else {
            card = kith.cards().update(ex.account(), Bodies.json(ex, CardData.class), ifMatch);
        }
        sendCard(ex, card, 200);
    }

    private void sendCard(Exchange ex, OwnCard card, int status) {
        ex.setHeader("ETag", card.etag());
        String accept = ex.header("Accept");
        if (accept != null && accept.toLowerCase().contains("text/vcard")) {
            VCardVersion version = accept.contains("4.0") ? VCardVersion.V4_0 : VCardVersion.V3_0;
            ex.send(status, "text/vcard; charset=utf-8", CardCodec.render(card.canonical(), card.uid(), version));
            return;
        }
        ex.json(status, card.data());
    }

    private void createAppPassword(Exchange ex) {
        Requests.Named r = Bodies.json(ex, Requests.Named.class);
        NewSecret s = kith.accounts().createAppPassword(ex.account(), r.name());
        AppPassword created = kith.accounts().appPassword(ex.account(), s.id());
        Map<String, Object> body = Views.appPassword(created);
        body.put("password", s.secret());
        ex.json(201, body);
    }
}
