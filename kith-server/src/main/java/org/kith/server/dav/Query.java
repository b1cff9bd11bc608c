package org.kith.server.dav;

import java.util.List;
import java.util.function.Predicate;

import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/** addressbook-query (RFC 6352 §8.6): the cards of a book (or one card) matching a filter, at most {@code limit}. */
final class Query {
    private Query() {}

    /** The answer for the whole book. */
    static String answer(DavContext ctx, DavBook book, Element root, PropRequest props, VCardVersion version) {
        return answer(ctx, book, book.cards(), root, props, version);
    }

    /** The answer for {@code candidates}: the whole book, or the one card the query was sent to. */
    static String answer(DavContext ctx, DavBook book, List<DavCard> candidates, Element root, PropRequest props,
                         VCardVersion version) {
        Predicate<List<VcardLines.Property>> filter = CardFilter.compile(Xml.child(root, DavNames.FILTER));
        int limit = limit(root);
        Multistatus ms = new Multistatus();
        String user = ctx.user();
        int matched = 0;
        for (DavCard card : candidates) {
            if (!filter.test(VcardLines.parse(card.render(version)))) {
                continue;
            }
            if (matched == limit) {
                ms.status(Href.book(user, book.id()), 507, DavNames.NUMBER_OF_MATCHES_WITHIN_LIMITS);
                break;
            }
            props.answer(ms, Href.member(user, book.id(), card.name()), Resources.card(ctx, card, version));
            matched++;
        }
        return ms.finish();
    }

    private static int limit(Element root) {
        Element limit = Xml.child(root, DavNames.CARDDAV_LIMIT);
        if (limit == null) {
            return Integer.MAX_VALUE;
        }
        String n = Xml.text(Xml.child(limit, DavNames.carddav("nresults")));
        try {
            int value = Integer.parseInt(n == null ? "" : n.strip());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw DavError.badRequest("limit/nresults must be a positive number, not '" + n + "'");
        }
    }
}
