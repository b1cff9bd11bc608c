package org.kith.server.dav;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kith.core.model.Username;
import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/** addressbook-multiget (RFC 6352 §8.7): the asked-for cards of one book; 404 for each one not there. */
final class Multiget {
    /** Beyond this many hrefs the book is read once instead of card by card. */
    private static final int READ_WHOLE_BOOK_FROM = 16;

    private Multiget() {}

    static String answer(DavContext ctx, DavBook book, Element root, PropRequest props, VCardVersion version) {
        List<Element> hrefs = Xml.children(root, DavNames.HREF);
        Map<String, DavCard> whole = null;
        if (hrefs.size() >= READ_WHOLE_BOOK_FROM) {
            whole = new HashMap<>();
            for (DavCard card : book.cards()) {
                whole.put(card.name(), card);
            }
        }
        Multistatus ms = new Multistatus();
        String user = ctx.user();
        for (Element href : hrefs) {
            String raw = Xml.text(href).strip();
            String name = memberName(raw, user, book.id());
            DavCard card = name == null ? null : whole != null ? whole.get(name) : book.card(name).orElse(null);
            if (card == null) {
                ms.status(raw, 404, null);
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
