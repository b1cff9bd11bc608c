package org.kith.server.dav;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kith.core.model.Username;
import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/**
 * addressbook-multiget (RFC 6352 §8.7): the asked-for cards of one book, read in one go (the
 * cost follows the hrefs, not the book); 404 for each one not there.
 */
final class Multiget {
    private Multiget() {}

    static String answer(DavContext ctx, DavBook book, Element root, PropRequest props, VCardVersion version) {
        String user = ctx.user();
        List<String> raws = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Element href : Xml.children(root, DavNames.HREF)) {
            String raw = Xml.text(href).strip();
            raws.add(raw);
            names.add(memberName(raw, user, book.id()));
        }
        Map<String, DavCard> found = new HashMap<>();
        List<String> wanted = names.stream().filter(n -> n != null).distinct().toList();
        if (!wanted.isEmpty()) {
            for (DavCard card : book.cards(wanted)) {
                found.put(card.name(), card);
            }
        }
        Multistatus ms = new Multistatus();
        for (int i = 0; i < raws.size(); i++) {
            DavCard card = names.get(i) == null ? null : found.get(names.get(i));
            if (card == null) {
                ms.status(raws.get(i), 404, null);
            } else {
                props.answer(ms, Href.member(user, book.id(), card.name()), Resources.card(ctx, card, version));
            }
        }
        return ms.finish();
    }

    /** The card name an href names inside this book, or null (another book, or not a card). */
    static String memberName(String href, String user, String bookId) {
        String path = href;
        if (href.startsWith("http://") || href.startsWith("https://")) {
            try {
                path = new URI(href).getRawPath();
            } catch (URISyntaxException e) {
                return null;
            }
        }
        if (Target.parse(path) instanceof Target.Member m && Username.same(m.user(), user) && m.book().equals(bookId)) {
            return m.name();
        }
        return null;
    }

}
