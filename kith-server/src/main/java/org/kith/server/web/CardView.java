package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;

import java.util.ArrayList;
import java.util.List;

import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.feed.VisibleCard;

/** One card of a group's phonebook as a page shows it: photo, name, numbers, addresses. */
final class CardView {
    private CardView() {}

    static Html render(Visit ex, long groupId, VisibleCard card, String region) {
        CardData d = CardCodec.toData(CardCodec.fromCanonical(card.canonical()), region);
        boolean mine = card.accountId() != null && card.accountId() == ex.me();
        boolean photo = Photos.decode(d.photo()) != null;
        List<Html> lines = new ArrayList<>();
        for (CardData.Tel tel : d.tel()) {
            lines.add(el("li", el("span", cls("type"), ex.t("type." + tel.type())), " ",
                    el("a", attr("href", "tel:" + (tel.e164() != null ? tel.e164() : tel.value().replaceAll("[^0-9+]", ""))),
                            tel.value())));
        }
        for (CardData.Email email : d.email()) {
            lines.add(el("li", el("span", cls("type"), ex.t("type." + email.type())), " ",
                    el("a", attr("href", "mailto:" + email.value()), email.value())));
        }
        for (CardData.Adr a : d.adr()) {
            String text = String.join(", ", List.of(a.street(), a.locality(), a.region(), a.postalCode(), a.country())
                    .stream().filter(s -> s != null && !s.isBlank()).toList());
            lines.add(el("li", el("span", cls("type"), ex.t("type." + a.type())), " ", text));
        }
        String orgTitle = String.join(" · ", java.util.stream.Stream.of(d.title(), d.org())
                .filter(s -> s != null && !s.isBlank()).toList());
        return el("li", cls("card"), attr("data-uid", card.uid()),
                photo ? el("img", cls("avatar"), attr("alt", ""), attr("src", "/web/groups/" + groupId + "/photo/"
                        + AuthPages.enc(card.uid()) + "?v=" + card.etag().replace("\"", "")))
                        : el("span", cls("avatar initials"), attr("aria-hidden", "true"), initial(d.fn())),
                el("div", cls("card-body"),
                        el("h3", cls("fn"), d.fn(),
                                mine ? el("span", cls("badge"), ex.t("card.you")) : null,
                                card.managed() ? el("span", cls("badge"), ex.t("card.managed")) : null),
                        orgTitle.isEmpty() ? null : el("p", cls("org"), orgTitle),
                        lines.isEmpty() ? null : el("ul", cls("lines"), lines),
                        d.note() == null || d.note().isBlank() ? null : el("p", cls("note"), d.note())));
    }

    private static String initial(String fn) {
        if (fn == null || fn.isBlank()) {
            return "?";
        }
        return new String(Character.toChars(fn.strip().codePointAt(0)));
    }
}
