package org.kith.server.directory;

/** One vendor's XML phonebook: renders a viewer's directory the way that vendor's phones read it. */
interface PhonebookFormat {

    String render(PhonebookRequest request);

    /** The Content-Type of the answer. */
    default String mediaType() {
        return "text/xml; charset=utf-8";
    }
}
