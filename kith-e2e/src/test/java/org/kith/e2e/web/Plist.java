package org.kith.e2e.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads an Apple property list (XML form) into maps, lists, strings, longs and booleans, strictly. */
final class Plist {
    private Plist() {}

    static Map<String, Object> parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // The plist DOCTYPE names Apple's DTD on the web: never fetch it, and allow no entities.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        Element root = b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        if (!root.getTagName().equals("plist") || !"1.0".equals(root.getAttribute("version"))) {
            throw new IllegalArgumentException("not a plist 1.0 document: " + root.getTagName());
        }
        List<Element> top = children(root);
        if (top.size() != 1) {
            throw new IllegalArgumentException("a plist holds exactly one value");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) value(top.get(0));
        return dict;
    }

    private static Object value(Element e) {
        switch (e.getTagName()) {
            case "dict" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                List<Element> kids = children(e);
                if (kids.size() % 2 != 0) {
                    throw new IllegalArgumentException("a dict needs key/value pairs");
                }
                for (int i = 0; i < kids.size(); i += 2) {
                    if (!kids.get(i).getTagName().equals("key")) {
                        throw new IllegalArgumentException("expected <key>, got <" + kids.get(i).getTagName() + ">");
                    }
                    String key = kids.get(i).getTextContent();
                    if (m.put(key, value(kids.get(i + 1))) != null) {
                        throw new IllegalArgumentException("duplicate key " + key);
                    }
                }
                return m;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                for (Element kid : children(e)) {
                    list.add(value(kid));
                }
                return list;
            }
            case "string" -> {
                return e.getTextContent();
            }
            case "integer" -> {
                return Long.parseLong(e.getTextContent().strip());
            }
            case "true" -> {
                return Boolean.TRUE;
            }
            case "false" -> {
                return Boolean.FALSE;
            }
            default -> throw new IllegalArgumentException("unexpected plist element <" + e.getTagName() + ">");
        }
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                throw new IllegalArgumentException("stray text in <" + e.getTagName() + ">");
            }
        }
        return out;
    }
}
