package org.kith.server.dav;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/**
 * sync-collection (RFC 6578). An empty token gets the whole book; a token gets what changed
 * since, read from the viewer's change feed (O(changes)): changed cards in full, removed ones as
 * 404s. At most {@code limit} results (the client's, else the server's page): a cut-short answer
 * carries a 507 for the book and a token that resumes exactly where it stopped. An initial sync
 * that is cut short resumes by name from a snapshot position, then continues from that position.
 */
final class SyncCollection {
    static final int SERVER_PAGE = 1000;
    private static final String RESUME = "/after/";

    private SyncCollection() {}

    static String answer(DavContext ctx, DavBook book, Element root, PropRequest props, VCardVersion version) {
        Element level = Xml.child(root, DavNames.SYNC_LEVEL);
        if (level != null && !Xml.text(level).strip().equals("1") && !Xml.text(level).strip().equals("infinite")) {
            throw DavError.badRequest("sync-level must be 1 or infinite");
        }
        int limit = limit(root); // 0: the client set none
        String token = Xml.text(Xml.child(root, DavNames.SYNC_TOKEN));
        token = token == null ? "" : token.strip();
        Multistatus ms = new Multistatus();
        String user = ctx.user();
        String bookHref = Href.book(user, book.id());
        SyncTokens tokens = SyncTokens.of(user, book.id());
        String next;
        if (token.isEmpty() || token.contains(RESUME)) {
            next = initial(ctx, book, tokens, token, limit, props, version, ms);
        } else {
            String position = tokens.position(token);
            SyncResult changes = book.changes(position, limit == 0 ? SERVER_PAGE : limit);
            for (DavCard card : changes.updated()) {
                props.answer(ms, Href.member(user, book.id(), card.name()), Resources.card(ctx, card, version));
            }
            for (String removed : changes.removedNames()) {
                ms.status(Href.member(user, book.id(), removed), 404, null);
            }
            if (changes.truncated()) {
                ms.status(bookHref, 507, DavNames.NUMBER_OF_MATCHES_WITHIN_LIMITS);
            }
            next = tokens.uri(changes.token());
        }
        return ms.syncToken(next).finish();
    }

    /**
     * The whole book, in pages by name when it is larger than the limit. The position is read
     * with the cards, so whatever changes after it is reported by the next incremental sync.
     */
    private static String initial(DavContext ctx, DavBook book, SyncTokens tokens, String token, int limit,
                                  PropRequest props, VCardVersion version, Multistatus ms) {
        String position;
        String after = null;
        if (token.isEmpty()) {
            position = book.syncToken();
        } else {
            int cut = token.indexOf(RESUME);
            position = tokens.position(token.substring(0, cut));
            after = URLDecoder.decode(token.substring(cut + RESUME.length()), StandardCharsets.UTF_8);
        }
        List<DavCard> cards = new ArrayList<>(book.cards());
        cards.sort(Comparator.comparing(DavCard::name));
        String user = ctx.user();
        int sent = 0;
        String last = null;
        for (DavCard card : cards) {
            if (after != null && card.name().compareTo(after) <= 0) {
                continue;
            }
            if (limit > 0 && sent == limit) {
                ms.status(Href.book(user, book.id()), 507, DavNames.NUMBER_OF_MATCHES_WITHIN_LIMITS);
                return tokens.uri(position) + RESUME + URLEncoder.encode(last, StandardCharsets.UTF_8);
            }
            props.answer(ms, Href.member(user, book.id(), card.name()), Resources.card(ctx, card, version));
            sent++;
            last = card.name();
        }
        return tokens.uri(position);
    }

    private static int limit(Element root) {
        Element limit = Xml.child(root, DavNames.LIMIT);
        if (limit == null) {
            return 0;
        }
        String n = Xml.text(Xml.child(limit, DavNames.NRESULTS));
        try {
            int value = Integer.parseInt(n == null ? "" : n.strip());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return Math.min(value, SERVER_PAGE);
        } catch (NumberFormatException e) {
            throw DavError.badRequest("limit/nresults must be a positive number, not '" + n + "'");
        }
    }
}
