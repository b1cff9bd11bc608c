package org.kith.server.directory;

/**
 * A small writer of the flat XML documents desk phones read: UTF-8, escaped text and
 * attributes, characters XML 1.0 forbids left out. Not thread-safe (one per answer).
 */
final class XmlDoc {
    private final StringBuilder out = new StringBuilder(4096);

    XmlDoc() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** {@code <name attr="value" ...>} — pairs of attribute names and values; a null value is left out. */
    XmlDoc open(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>');
        return this;
    }

    XmlDoc close(String name) {
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** An element with only attributes: {@code <name a="v"/>}. */
    XmlDoc empty(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** {@code <name>text</name>}; nothing at all for a null text. */
    XmlDoc text(String name, String text, String... attributes) {
        if (text == null) {
            return this;
        }
        open(name, attributes);
        escape(text);
        out.append("</").append(name).append(">\n");
        return this;
    }

    XmlDoc newline() {
        out.append('\n');
        return this;
    }

    private void attributes(String[] attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1]);
                out.append('"');
            }
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
