package org.kith.server.dav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The one entry point for XML from clients. DOCTYPE declarations are refused outright, so no
 * entity (internal or external) is ever expanded: no XXE, no entity bombs.
 */
final class Xml {
    static final int MAX_DEPTH = 64;
    private static final DocumentBuilderFactory FACTORY = factory();

    private Xml() {}

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // DAV bodies nest a handful of levels; tens of thousands would overflow the stack of
        // whatever walks the tree (getTextContent recurses) and answer 500 instead of 400.
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
        return f;
    }

    /** The root element of a request body, or null for an empty body. */
    static Element parse(byte[] body) {
        if (isBlank(body)) {
            return null;
        }
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(body));
            return doc.getDocumentElement();
        } catch (SAXException e) {
            String why = e.getMessage() == null ? "" : e.getMessage();
            if (why.contains("DOCTYPE")) {
                throw DavError.badRequest("XML with a DOCTYPE declaration is not accepted");
            }
            throw DavError.badRequest("the request body is not well-formed XML: " + why);
        } catch (IOException | ParserConfigurationException e) {
            throw DavError.badRequest("the request body could not be read as XML");
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    static QName name(Node node) {
        return new QName(node.getNamespaceURI() == null ? "" : node.getNamespaceURI(), node.getLocalName());
    }

    static boolean is(Node node, QName name) {
        return node instanceof Element && name(node).equals(name);
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

    static Element child(Element parent, QName name) {
        for (Element e : children(parent)) {
            if (name(e).equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, QName name) {
        return children(parent).stream().filter(e -> name(e).equals(name)).toList();
    }

    /** The names of the elements inside {@code <prop>}: the properties asked for. */
    static List<QName> propNames(Element prop) {
        return children(prop).stream().map(Xml::name).toList();
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    /**
     * The content of an element as self-contained XML: text escaped, each child element
     * declaring its own namespace (so it reads the same wherever it is written back), comments
     * and processing instructions left out. What a dead property stores.
     */
    static String content(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, out);
        }
        return out.toString();
    }

    private static void write(Node n, StringBuilder out) {
        if (n instanceof Element e) {
            out.append('<').append(e.getLocalName()).append(" xmlns=\"");
            XmlOut.escape(e.getNamespaceURI() == null ? "" : e.getNamespaceURI(), out);
            out.append('"');
            var attributes = e.getAttributes();
            int prefixes = 0;
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                String ns = a.getNamespaceURI();
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                    continue; // declarations are written afresh
                }
                if (ns == null || ns.isEmpty()) {
                    out.append(' ').append(a.getLocalName());
                } else {
                    String p = "a" + prefixes++;
                    out.append(" xmlns:").append(p).append("=\"");
                    XmlOut.escape(ns, out);
                    out.append("\" ").append(p).append(':').append(a.getLocalName());
                }
                out.append("=\"");
                XmlOut.escape(a.getNodeValue(), out);
                out.append('"');
            }
            out.append('>');
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                write(c, out);
            }
            out.append("</").append(e.getLocalName()).append('>');
        } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            XmlOut.escapeText(n.getNodeValue(), out);
        }
    }
}
