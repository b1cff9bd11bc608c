package org.kith.server.dav;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.namespace.QName;

/**
 * Writes a response document. The well-known namespaces get fixed prefixes declared on the
 * root; any other namespace (a property a client asked for that Kith does not know) is
 * declared where it is used. All text is escaped.
 */
final class XmlOut {
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put(DavNames.DAV, "d");
        PREFIXES.put(DavNames.CARDDAV, "card");
        PREFIXES.put(DavNames.CS, "cs");
        PREFIXES.put(DavNames.KITH, "k");
        PREFIXES.put(DavNames.PUSH, "push");
    }

    private final StringBuilder out = new StringBuilder(4096);
    private boolean rootWritten;

    XmlOut() {
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    }

    XmlOut open(QName name) {
        out.append('<');
        tag(name);
        out.append('>');
        return this;
    }

    XmlOut close(QName name) {
        out.append("</");
        if (!name.getNamespaceURI().isEmpty()) {
            String prefix = PREFIXES.get(name.getNamespaceURI());
            out.append(prefix == null ? "x" : prefix).append(':');
        }
        out.append(name.getLocalPart()).append('>');
        return this;
    }

    XmlOut empty(QName name) {
        out.append('<');
        tag(name);
        out.append("/>");
        return this;
    }

    /** An empty element with attributes given as name, value, name, value… */
    XmlOut emptyWith(QName name, String... attributes) {
        out.append('<');
        tag(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], out);
            out.append('"');
        }
        out.append("/>");
        return this;
    }

    /** {@code <name a="v">text</name>}, attributes given as name, value, name, value… */
    XmlOut elementWith(QName name, String text, String... attributes) {
        out.append('<');
        tag(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], out);
            out.append('"');
        }
        out.append('>');
        text(text);
        return close(name);
    }

    /** {@code <name>text</name>}. */
    XmlOut element(QName name, String text) {
        open(name);
        text(text);
        return close(name);
    }

    XmlOut text(String text) {
        if (text != null) {
            escape(text, out, false);
        }
        return this;
    }

    /** Well-formed XML content written as it is: a dead property's value, serialised by {@link Xml#content}. */
    XmlOut raw(String xml) {
        out.append(xml);
        return this;
    }

    private void tag(QName name) {
        String prefix = PREFIXES.get(name.getNamespaceURI());
        if (name.getNamespaceURI().isEmpty()) {
            // a property in no namespace (RFC 4918 allows it): unprefixed, the default namespace undone
            out.append(name.getLocalPart()).append(" xmlns=\"\"");
        } else if (prefix == null) {
            out.append("x:").append(name.getLocalPart()).append(" xmlns:x=\"");
            escape(name.getNamespaceURI(), out);
            out.append('"');
        } else {
            out.append(prefix).append(':').append(name.getLocalPart());
        }
        if (!rootWritten) {
            rootWritten = true;
            PREFIXES.forEach((ns, p) -> out.append(" xmlns:").append(p).append("=\"").append(ns).append('"'));
        }
    }

    static void escape(String text, StringBuilder out) {
        escape(text, out, true);
    }

    /** Escapes character data (quotes left as they are). */
    static void escapeText(String text, StringBuilder out) {
        escape(text, out, false);
    }

    /** Quotes need escaping only inside attribute values; ETags read better without. */
    private static void escape(String text, StringBuilder out, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        continue; // not allowed in XML 1.0
                    }
                    out.append(c);
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
