package org.kith.server.dav;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.namespace.QName;

import org.kith.core.model.PropertyChange;
import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/**
 * PROPPATCH (RFC 4918 §9.2) on a personal book or one of its cards: {@code displayname} and
 * {@code addressbook-description} of the book, and any other property a client invents (a dead
 * property: stored as sent, returned by PROPFIND, removable), applied in document order. Live
 * properties Kith computes are protected. All or nothing: if any property cannot be set, none
 * is (403 for it, 424 for the rest). Other books' properties are set by their groups (403).
 */
final class Proppatch implements DavMethod {
    /** RFC 4918 §15 properties a server computes; never stored as dead ones, even where Kith does not serve them. */
    private static final Set<QName> WEBDAV_LIVE = Set.of(DavNames.dav("creationdate"),
            DavNames.dav("getcontentlanguage"), DavNames.GETCONTENTLENGTH, DavNames.GETCONTENTTYPE, DavNames.GETETAG,
            DavNames.dav("getlastmodified"), DavNames.dav("lockdiscovery"), DavNames.RESOURCETYPE,
            DavNames.dav("supportedlock"));

    /** One set or remove of one property, in document order. */
    private record Step(QName name, Element set) {}

    @Override
    public void handle(DavContext ctx, Target target) {
        Element root = Xml.parse(ctx.exchange().body(Propfind.MAX_XML, DavError::bodyTooLarge));
        if (root == null || !Xml.is(root, DavNames.PROPERTYUPDATE)) {
            throw DavError.badRequest("a PROPPATCH body must be a DAV:propertyupdate element");
        }
        DavBook book;
        DavCard card = null;
        String href;
        if (target instanceof Target.Book b) {
            book = Books.require(ctx, b.book());
            href = Href.book(ctx.user(), book.id());
        } else if (target instanceof Target.Member m) {
            book = Books.require(ctx, m.book());
            card = book.card(m.name()).orElseThrow(() -> DavError.notFound("no card " + m.name()));
            href = Href.member(ctx.user(), book.id(), card.name());
        } else {
            throw DavError.readOnly("only address books and their cards have properties that can be changed");
        }
        List<Step> steps = steps(root);
        Set<QName> live = liveNames(card == null ? Resources.book(ctx, book) : Resources.card(ctx, card, VCardVersion.V3_0));
        boolean onBook = card == null;
        Map<QName, Integer> statuses = new LinkedHashMap<>();
        boolean refused = !book.readWrite() || steps.stream().anyMatch(s -> isProtected(s.name(), live, onBook));
        for (Step step : steps) {
            boolean bad = !book.readWrite() || isProtected(step.name(), live, onBook);
            statuses.put(step.name(), bad ? 403 : refused ? 424 : 200);
        }
        if (!refused) {
            String displayName = null;
            String description = null;
            List<PropertyChange> changes = new ArrayList<>();
            for (Step step : steps) {
                String text = step.set() == null ? "" : step.set().getTextContent();
                if (onBook && step.name().equals(DavNames.DISPLAYNAME)) {
                    displayName = text;
                } else if (onBook && step.name().equals(DavNames.ADDRESSBOOK_DESCRIPTION)) {
                    description = text;
                } else {
                    changes.add(new PropertyChange(step.name().getNamespaceURI(), step.name().getLocalPart(),
                            step.set() == null ? null : Xml.content(step.set())));
                }
            }
            book.patch(onBook ? null : card.name(), displayName, description, changes);
        }
        ctx.exchange().sendXml(207, new Multistatus().propstats(href, statuses).finish());
    }

    private static List<Step> steps(Element root) {
        List<Step> steps = new ArrayList<>();
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
                steps.add(new Step(Xml.name(p), set ? p : null));
            }
        }
        return steps;
    }

    private static Set<QName> liveNames(Map<QName, PropWriter> props) {
        Set<QName> live = new HashSet<>();
        props.forEach((name, writer) -> {
            if (!(writer instanceof PropWriter.Stored)) {
                live.add(name);
            }
        });
        return live;
    }

    /** A book's labels can be set; every other live property is computed by Kith. */
    private static boolean isProtected(QName name, Set<QName> live, boolean onBook) {
        if (onBook && (name.equals(DavNames.DISPLAYNAME) || name.equals(DavNames.ADDRESSBOOK_DESCRIPTION))) {
            return false;
        }
        return live.contains(name) || WEBDAV_LIVE.contains(name);
    }
}
