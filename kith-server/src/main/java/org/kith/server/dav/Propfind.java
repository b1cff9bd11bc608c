package org.kith.server.dav;

import org.kith.server.http.Depth;
import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/**
 * PROPFIND (RFC 4918 §9.1) at depth 0 or 1. Depth infinity (also what a missing Depth header
 * means) is depth 1 where that is the whole subtree (a book: cards have no members) and refused
 * with {@code propfind-finite-depth} on the home, whose books' cards it would leave out.
 */
final class Propfind implements DavMethod {
    static final int MAX_XML = 1024 * 1024;

    @Override
    public void handle(DavContext ctx, Target target) {
        Element root = Xml.parse(ctx.exchange().body(MAX_XML, DavError::bodyTooLarge));
        if (root != null && !Xml.is(root, DavNames.PROPFIND)) {
            throw DavError.badRequest("a PROPFIND body must be a DAV:propfind element");
        }
        PropRequest.checkPropfind(root);
        PropRequest props = ctx.props(root);
        Depth depth = ctx.exchange().depth(Depth.INFINITY);
        boolean children = depth != Depth.ZERO;
        if (depth == Depth.INFINITY && target instanceof Target.Home) {
            throw DavError.forbidden(DavNames.PROPFIND_FINITE_DEPTH,
                    "Depth: infinity is not served on the address-book home; ask with Depth: 1, then each book");
        }
        VCardVersion version = Versions.fromAddressData(props.addressData(),
                ctx.exchange().accept().vcardVersion());
        Multistatus ms = new Multistatus();
        String user = ctx.user();
        if (target instanceof Target.Front) {
            props.answer(ms, "/", Resources.root(ctx));
        } else if (target instanceof Target.Root) {
            props.answer(ms, Href.ROOT, Resources.root(ctx));
        } else if (target instanceof Target.Principal) {
            props.answer(ms, Href.principal(user), Resources.principal(ctx));
        } else if (target instanceof Target.Home) {
            props.answer(ms, Href.home(user), Resources.home(ctx));
            if (children) {
                for (DavBook book : ctx.library().books()) {
                    props.answer(ms, Href.book(user, book.id()), Resources.book(ctx, book));
                }
            }
        } else if (target instanceof Target.Book b) {
            DavBook book = Books.require(ctx, b.book());
            props.answer(ms, Href.book(user, book.id()), Resources.book(ctx, book));
            if (children) {
                for (DavCard card : book.cards()) {
                    props.answer(ms, Href.member(user, book.id(), card.name()), Resources.card(ctx, card, version));
                }
            }
        } else if (target instanceof Target.Member m) {
            DavBook book = Books.require(ctx, m.book());
            DavCard card = book.card(m.name()).orElseThrow(() -> DavError.notFound("no card " + m.name()));
            props.answer(ms, Href.member(user, book.id(), card.name()), Resources.card(ctx, card, version));
        }
        ctx.exchange().sendXml(207, ms.finish());
    }
}
