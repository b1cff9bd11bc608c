package org.kith.server.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

/**
 * Which properties a PROPFIND or REPORT asks for: named ones, all ({@code allprop}: the cheap
 * live ones, every dead one, plus any {@code include}), or only the names. Answers a resource's properties accordingly.
 */
final class PropRequest {
    enum Mode { NAMED, ALL, NAMES }

    private final Mode mode;
    private final List<QName> names;
    /** The {@code address-data} element asked for, if any (it carries the vCard version). */
    private final Element addressData;
    /** Leave out the named properties a resource does not have ({@code Prefer: return=minimal}). */
    private final boolean minimal;

    private PropRequest(Mode mode, List<QName> names, Element addressData, boolean minimal) {
        this.mode = mode;
        this.names = names;
        this.addressData = addressData;
        this.minimal = minimal;
    }

    private PropRequest(Mode mode, List<QName> names, Element addressData) {
        this(mode, names, addressData, false);
    }

    static PropRequest all() {
        return new PropRequest(Mode.ALL, List.of(), null);
    }

    /** The same request, answered without the 404 propstat of missing properties. */
    PropRequest minimal() {
        return new PropRequest(mode, names, addressData, true);
    }

    /**
     * Checks a PROPFIND body (RFC 4918 §14.20): exactly one of {@code prop}, {@code allprop} and
     * {@code propname}, {@code include} only beside {@code allprop}; other elements are
     * extensions and ignored. Null (no body) means allprop.
     * @throws DavError 400 naming what is wrong
     */
    static void checkPropfind(Element propfind) {
        if (propfind == null) {
            return;
        }
        List<String> kinds = new ArrayList<>();
        for (Element child : Xml.children(propfind)) {
            for (QName kind : List.of(DavNames.PROP, DavNames.ALLPROP, DavNames.PROPNAME)) {
                if (Xml.is(child, kind)) {
                    kinds.add(kind.getLocalPart());
                }
            }
        }
        if (kinds.size() != 1) {
            throw DavError.badRequest("a propfind element holds exactly one of prop, allprop and propname, not "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        if (Xml.child(propfind, DavNames.INCLUDE) != null && !kinds.get(0).equals("allprop")) {
            throw DavError.badRequest("include goes with allprop, not with " + kinds.get(0));
        }
    }

    /** From the children of a propfind or report element (prop, allprop, propname); allprop when absent. */
    static PropRequest of(Element parent) {
        if (parent == null) {
            return all();
        }
        Element prop = Xml.child(parent, DavNames.PROP);
        if (prop != null) {
            return new PropRequest(Mode.NAMED, Xml.propNames(prop), Xml.child(prop, DavNames.ADDRESS_DATA));
        }
        if (Xml.child(parent, DavNames.PROPNAME) != null) {
            return new PropRequest(Mode.NAMES, List.of(), null);
        }
        Element include = Xml.child(parent, DavNames.INCLUDE);
        return new PropRequest(Mode.ALL, include == null ? List.of() : Xml.propNames(include), null);
    }

    Element addressData() {
        return addressData;
    }

    /** Adds the answer for one resource to {@code ms}. */
    void answer(Multistatus ms, String href, Map<QName, PropWriter> available) {
        switch (mode) {
            case NAMES -> ms.names(href, available.keySet());
            case ALL -> {
                Map<QName, PropWriter> found = new LinkedHashMap<>();
                available.forEach((name, writer) -> {
                    if (Resources.ALLPROP.contains(name) || names.contains(name) || writer instanceof PropWriter.Stored) {
                        found.put(name, writer);
                    }
                });
                ms.response(href, found, List.of());
            }
            case NAMED -> {
                Map<QName, PropWriter> found = new LinkedHashMap<>();
                List<QName> missing = new ArrayList<>();
                for (QName name : names) {
                    PropWriter writer = available.get(name);
                    if (writer != null) {
                        found.put(name, writer);
                    } else if (!minimal) {
                        missing.add(name);
                    }
                }
                ms.response(href, found, missing);
            }
        }
    }
}
