package org.kith.server.dav;

/** Writes the content of one property element (not the element itself); runs only if asked for. */
@FunctionalInterface
interface PropWriter {
    void write(XmlOut out);

    static PropWriter text(String value) {
        return out -> out.text(value);
    }

    static PropWriter href(String href) {
        return out -> out.element(DavNames.HREF, href);
    }

    static PropWriter empty() {
        return out -> { };
    }

    /** A dead property: the XML a client stored with PROPPATCH, written back as it is (and part of allprop). */
    record Stored(String xml) implements PropWriter {
        @Override
        public void write(XmlOut out) {
            out.raw(xml);
        }
    }
}
