package org.kith.server.dav;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/**
 * REPORT on a book: the report the body's root element names, from a table; addressbook-query
 * also on one card (RFC 6352 §8.6), answering for that card alone.
 */
final class Report implements DavMethod {
    static final int MAX_XML = 4 * 1024 * 1024; // a multiget of 10,000 hrefs fits

    /** One report: the multistatus body it answers with. */
    @FunctionalInterface
    interface Kind {
        String answer(DavContext ctx, DavBook book, Element root, PropRequest props, VCardVersion version);
    }

    /** The reports served, in the order {@code supported-report-set} lists them. */
    static final Map<QName, Kind> KINDS = kinds();

    private static Map<QName, Kind> kinds() {
        Map<QName, Kind> kinds = new LinkedHashMap<>();
        kinds.put(DavNames.ADDRESSBOOK_MULTIGET, Multiget::answer);
        kinds.put(DavNames.ADDRESSBOOK_QUERY, Query::answer);
        kinds.put(DavNames.SYNC_COLLECTION, SyncCollection::answer);
        return java.util.Collections.unmodifiableMap(kinds);
    }

    @Override
    public void handle(DavContext ctx, Target target) {
        Element root = Xml.parse(ctx.exchange().body(MAX_XML, DavError::bodyTooLarge));
        if (root == null) {
            throw DavError.badRequest("a REPORT needs a body naming the report");
        }
        if (target instanceof Target.Member m && Xml.is(root, DavNames.ADDRESSBOOK_QUERY)) {
            DavBook book = Books.require(ctx, m.book());
            DavCard card = book.card(m.name()).orElseThrow(() -> DavError.notFound("no card " + m.name()));
            PropRequest props = ctx.props(root);
            VCardVersion version = Versions.fromAddressData(props.addressData(), ctx.exchange().accept().vcardVersion());
            ctx.exchange().sendXml(207, Query.answer(ctx, book, List.of(card), root, props, version));
            return;
        }
        if (!(target instanceof Target.Book b)) {
            throw DavError.forbidden(DavNames.SUPPORTED_REPORT,
                    "reports are answered on address books (addressbook-query also on a card)");
        }
        DavBook book = Books.require(ctx, b.book());
        PropRequest props = ctx.props(root);
        VCardVersion version = Versions.fromAddressData(props.addressData(), ctx.exchange().accept().vcardVersion());
        Kind kind = KINDS.get(Xml.name(root));
        if (kind == null) {
            throw DavError.forbidden(DavNames.SUPPORTED_REPORT, "unsupported report " + Xml.name(root) + "; supported: "
                    + KINDS.keySet().stream().map(QName::getLocalPart).collect(Collectors.joining(", ")));
        }
        ctx.exchange().sendXml(207, kind.answer(ctx, book, root, props, version));
    }
}
