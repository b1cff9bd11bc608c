package org.kith.server.dav;

import java.util.List;

import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/**
 * REPORT: dispatches to addressbook-multiget, addressbook-query or sync-collection on a book;
 * addressbook-query also on one card (RFC 6352 §8.6), answering for that card alone.
 */
final class Report implements DavMethod {
    static final int MAX_XML = 4 * 1024 * 1024; // a multiget of 10,000 hrefs fits

    @Override
    public void handle(DavContext ctx, Target target) {
        Element root = Xml.parse(ctx.exchange().body(MAX_XML, new DavError(413, null, "the request body is too large")));
        if (root == null) {
            throw DavError.badRequest("a REPORT needs a body naming the report");
        }
        PropRequest props = PropRequest.of(root);
        VCardVersion version = Versions.fromAddressData(props.addressData(),
                Versions.fromAccept(ctx.exchange().header("Accept")));
        if (target instanceof Target.Member m && Xml.is(root, DavNames.ADDRESSBOOK_QUERY)) {
            DavBook book = Books.require(ctx, m.book());
            DavCard card = book.card(m.name()).orElseThrow(() -> DavError.notFound("no card " + m.name()));
            ctx.exchange().sendXml(207, Query.answer(ctx, book, List.of(card), root, props, version));
            return;
        }
        if (!(target instanceof Target.Book b)) {
            throw DavError.forbidden(DavNames.dav("supported-report"),
                    "reports are answered on address books (addressbook-query also on a card)");
        }
        DavBook book = Books.require(ctx, b.book());
        String body;
        if (Xml.is(root, DavNames.ADDRESSBOOK_MULTIGET)) {
            body = Multiget.answer(ctx, book, root, props, version);
        } else if (Xml.is(root, DavNames.ADDRESSBOOK_QUERY)) {
            body = Query.answer(ctx, book, book.cards(), root, props, version);
        } else if (Xml.is(root, DavNames.SYNC_COLLECTION)) {
            body = SyncCollection.answer(ctx, book, root, props, version);
        } else {
            throw DavError.forbidden(DavNames.dav("supported-report"),
                    "unsupported report " + Xml.name(root) + "; supported: addressbook-multiget, addressbook-query, sync-collection");
        }
        ctx.exchange().sendXml(207, body);
    }
}
