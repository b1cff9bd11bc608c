package org.kith.e2e.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A 207 Multi-Status body (RFC 4918 §14.16) read into responses and their properties, plus the
 * top-level sync-token of a sync-collection report (RFC 6578).
 */
final class Multistatus {
    private final List<Entry> entries;
    private final String syncToken;

    private Multistatus(List<Entry> entries, String syncToken) {
        this.entries = entries;
        this.syncToken = syncToken;
    }

    static Multistatus parse(byte[] body) {
        Element root = SafeXml.parse(body).getDocumentElement();
        if (!Ns.DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new AssertionError("not a DAV:multistatus: " + root.getNamespaceURI() + " " + root.getLocalName());
        }
        List<Entry> entries = new ArrayList<>();
        String token = null;
        for (Element child : children(root)) {
            if (is(child, Ns.DAV, "response")) {
                entries.add(Entry.of(child));
            } else if (is(child, Ns.DAV, "sync-token")) {
                token = child.getTextContent().strip();
            }
        }
        return new Multistatus(List.copyOf(entries), token);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The hrefs of all responses, as sent. */
    List<String> hrefs() {
        return entries.stream().map(Entry::href).toList();
    }

    /** The top-level DAV:sync-token, or null. */
    String syncToken() {
        return syncToken;
    }

    /** The response whose href, decoded, ends with {@code suffix} (decoded); fails if there is none. */
    Entry entryEndingWith(String suffix) {
        return find(suffix).orElseThrow(() -> new AssertionError("no response ends with " + suffix + " in " + hrefs()));
    }

    Optional<Entry> find(String suffix) {
        String want = Hrefs.decode(suffix);
        return entries.stream().filter(e -> Hrefs.decode(e.href()).endsWith(want)).findFirst();
    }

    /** One DAV:response: its href, its own status (sync-collection removals) and its properties. */
    record Entry(String href, int status, Map<String, Prop> props) {
        static Entry of(Element response) {
            String href = null;
            int status = 0;
            Map<String, Prop> props = new LinkedHashMap<>();
            for (Element c : children(response)) {
                if (is(c, Ns.DAV, "href") && href == null) {
                    href = c.getTextContent().strip();
                } else if (is(c, Ns.DAV, "status")) {
                    status = statusCode(c.getTextContent());
                } else if (is(c, Ns.DAV, "propstat")) {
                    int code = 0;
                    List<Element> found = new ArrayList<>();
                    for (Element p : children(c)) {
                        if (is(p, Ns.DAV, "status")) {
                            code = statusCode(p.getTextContent());
                        } else if (is(p, Ns.DAV, "prop")) {
                            found.addAll(children(p));
                        }
                    }
                    for (Element prop : found) {
                        props.put(key(prop.getNamespaceURI(), prop.getLocalName()), new Prop(code, prop));
                    }
                }
            }
            if (href == null) {
                throw new AssertionError("a DAV:response without DAV:href");
            }
            return new Entry(href, status, props);
        }

        /** The property's element when it came with status 200, else null. */
        Element ok(String ns, String name) {
            Prop p = props.get(key(ns, name));
            return p != null && p.status() == 200 ? p.element() : null;
        }

        /** The status the property came with, or 0 when the response does not mention it. */
        int statusOf(String ns, String name) {
            Prop p = props.get(key(ns, name));
            return p == null ? 0 : p.status();
        }

        /** The text of a property that came with 200; fails otherwise. */
        String text(String ns, String name) {
            Element e = ok(ns, name);
            if (e == null) {
                throw new AssertionError("no " + name + " (200) on " + href + "; got " + props.keySet());
            }
            return e.getTextContent().strip();
        }

        /** The DAV:href values inside a property that came with 200 (empty if absent). */
        List<String> hrefsIn(String ns, String name) {
            Element e = ok(ns, name);
            List<String> out = new ArrayList<>();
            if (e != null) {
                for (Element c : descendants(e, Ns.DAV, "href")) {
                    out.add(c.getTextContent().strip());
                }
            }
            return out;
        }

        /** Whether DAV:resourcetype holds the element {@code ns}:{@code name}. */
        boolean hasResourceType(String ns, String name) {
            Element rt = ok(Ns.DAV, "resourcetype");
            return rt != null && !descendants(rt, ns, name).isEmpty();
        }

        /** The local names of the privileges in DAV:current-user-privilege-set. */
        List<String> privileges() {
            Element set = ok(Ns.DAV, "current-user-privilege-set");
            List<String> out = new ArrayList<>();
            if (set != null) {
                for (Element priv : descendants(set, Ns.DAV, "privilege")) {
                    for (Element p : children(priv)) {
                        out.add(p.getLocalName());
                    }
                }
            }
            return out;
        }
    }

    /** One property value with the status of its propstat. */
    record Prop(int status, Element element) {}

    static String key(String ns, String name) {
        return "{" + ns + "}" + name;
    }

    static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split("\\s+");
        if (parts.length < 2) {
            throw new AssertionError("malformed DAV:status: " + statusLine);
        }
        return Integer.parseInt(parts[1]);
    }

    static boolean is(Element e, String ns, String name) {
        return ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> descendants(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        var list = parent.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
