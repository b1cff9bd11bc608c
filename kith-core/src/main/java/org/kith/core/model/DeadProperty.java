package org.kith.core.model;

/**
 * A property a client stored on a personal book or card (a WebDAV "dead" property): its name
 * (an XML namespace, possibly empty, and a local name) and its value, the property element's
 * content as the surface serialised it (XML text, opaque here).
 */
public record DeadProperty(String namespace, String name, String value) {}
