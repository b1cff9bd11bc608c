package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;

import ezvcard.VCardVersion;
import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.view.OwnCard;
import org.kith.server.http.Accept;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/**
 * {@code /me/card}: my own card as JSON or vCard text, replaced with compare-and-swap on the
 * ETag ({@code If-Match} is passed to the service, which checks it inside the write).
 */
final class CardApi implements Resource {
    private static final String VCARD = "text/vcard; charset=utf-8";

    private final Kith kith;

    CardApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/me/card", "My card (JSON, or vCard with Accept: text/vcard[; version=4.0])",
                        this::get).returns(200, "Card", "text/vcard"),
                auth("PUT", "/api/v1/me/card", "Replace my card (JSON or text/vcard); honours If-Match",
                        this::put).body("Card", "text/vcard").returns(200, "Card", "text/vcard"));
    }

    private void get(Exchange ex) {
        send(ex, kith.cards().myCard(ex.account()));
    }

    private void put(Exchange ex) {
        Precondition condition = ex.precondition();
        String type = ex.mediaType();
        OwnCard card;
        if (Bodies.isVcard(type)) {
            card = kith.cards().updateFromVcard(ex.account(), ex.body(), condition);
        } else if (type.isEmpty() || Bodies.isJson(type)) {
            card = kith.cards().update(ex.account(), Bodies.json(ex, CardData.class), condition);
        } else {
            throw Bodies.unsupported(type, "application/json or text/vcard");
        }
        send(ex, card);
    }

    private static void send(Exchange ex, OwnCard card) {
        ex.setHeader("ETag", card.etag());
        ex.setHeader("Vary", "Accept");
        VCardVersion version = wantedVcard(ex.header("Accept"));
        if (version != null) {
            ex.send(200, VCARD, CardCodec.render(card.canonical(), card.uid(), version));
        } else {
            ex.json(200, card.data());
        }
    }

    /**
     * The vCard version the Accept header asks for, or null for JSON. Whichever of JSON and
     * vCard is listed first wins; {@code version=4.0} on the vCard range selects 4.0.
     */
    static VCardVersion wantedVcard(String accept) {
        Accept.Range range = Accept.parse(accept).first(List.of("application/json", "text/vcard", "text/x-vcard"));
        return range == null || range.type().equals("application/json") ? null : Accept.vcardVersion(range);
    }
}
