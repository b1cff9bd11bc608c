package org.kith.server.dav;

import org.w3c.dom.Element;

/**
 * MKCOL in the home creates a personal address book. Extended MKCOL (RFC 5689) may set its
 * resourcetype (which must be an address book), displayname and description; a plain MKCOL
 * makes an address book too, since that is the only kind of collection a home holds.
 */
final class MkcolMethod implements DavMethod {
    @Override
    public void handle(DavContext ctx, Target target) {
        if (!(target instanceof Target.Book b)) {
            throw DavError.methodNotAllowed("address books are created inside your address-book home");
        }
        Element root = Xml.parse(ctx.exchange().body(Propfind.MAX_XML, DavError::bodyTooLarge));
        String displayName = null;
        String description = null;
        if (root != null) {
            if (!Xml.is(root, DavNames.MKCOL)) {
                throw new DavError(415, null, "an MKCOL body must be a DAV:mkcol element");
            }
            for (Element set : Xml.children(root, DavNames.SET)) {
                Element prop = Xml.child(set, DavNames.PROP);
                for (Element p : prop == null ? java.util.List.<Element>of() : Xml.children(prop)) {
                    if (Xml.is(p, DavNames.RESOURCETYPE)) {
                        if (Xml.child(p, DavNames.ADDRESSBOOK) == null) {
                            throw DavError.forbidden(DavNames.VALID_RESOURCETYPE, "only address books can be created here");
                        }
                    } else if (Xml.is(p, DavNames.DISPLAYNAME)) {
                        displayName = p.getTextContent();
                    } else if (Xml.is(p, DavNames.ADDRESSBOOK_DESCRIPTION)) {
                        description = p.getTextContent();
                    } else {
                        throw DavError.forbidden(DavNames.CANNOT_MODIFY_PROTECTED,
                                "property " + Xml.name(p) + " cannot be set on a new address book");
                    }
                }
            }
        }
        if (ctx.library().book(b.book()).isPresent()) {
            throw DavError.methodNotAllowed("'" + b.book() + "' already exists");
        }
        ctx.library().createBook(b.book(), displayName, description);
        ctx.exchange().setHeader("Location", Href.book(ctx.user(), b.book()));
        ctx.exchange().send(201);
    }
}
