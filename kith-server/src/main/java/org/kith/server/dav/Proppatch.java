package org.kith.server.dav;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

/**
 * PROPPATCH (RFC 4918 §9.2) on a book: {@code displayname} and {@code addressbook-description}
 * of personal books can be set. All or nothing: if any property cannot be set, none is (403
 * for it, 424 for the rest).
 */
final class Proppatch implements DavMethod {
    @Override
    public void handle(DavContext ctx, Target target) {
        Element root = Xml.parse(ctx.exchange().body(Propfind.MAX_XML, DavError::bodyTooLarge));
        if (root == null || !Xml.is(root, DavNames.PROPERTYUPDATE)) {
            throw DavError.badRequest("a PROPPATCH body must be a DAV:propertyupdate element");
        }
        if (!(target instanceof Target.Book b)) {
            throw DavError.readOnly("only address books have properties that can be changed");
        }
        DavBook book = Books.require(ctx, b.book());
        Map<QName, String> changes = new LinkedHashMap<>();
        for (Element op : Xml.children(root)) {
            boolean set = Xml.is(op, DavNames.SET);
            if (!set && !Xml.is(op, DavNames.REMOVE)) {
                throw DavError.badRequest("propertyupdate holds only set and remove elements");
            }
            Element prop = Xml.child(op, DavNames.PROP);
            if (prop == null) {
                throw DavError.badRequest(Xml.name(op).getLocalPart() + " needs a prop element");
            }
            for (Element p : Xml.children(prop)) {
                changes.put(Xml.name(p), set ? p.getTextContent() : "");
            }
        }
        Map<QName, Integer> statuses = new LinkedHashMap<>();
        boolean allowed = book.readWrite() && changes.keySet().stream().allMatch(Proppatch::settable);
        for (QName name : changes.keySet()) {
            statuses.put(name, allowed ? 200 : book.readWrite() && settable(name) ? 424 : 403);
        }
        if (allowed) {
            book.describe(changes.get(DavNames.DISPLAYNAME), changes.get(DavNames.ADDRESSBOOK_DESCRIPTION));
        }
        ctx.exchange().sendXml(207, new Multistatus().propstats(Href.book(ctx.user(), book.id()), statuses).finish());
    }

    private static boolean settable(QName name) {
        return name.equals(DavNames.DISPLAYNAME) || name.equals(DavNames.ADDRESSBOOK_DESCRIPTION);
    }
}
