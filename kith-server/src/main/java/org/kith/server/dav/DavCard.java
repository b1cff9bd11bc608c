package org.kith.server.dav;

import java.util.function.Function;

import ezvcard.VCardVersion;

/**
 * One vCard resource of a book as one viewer sees it: its name in the book, UID, strong ETag
 * (quoted; the same whichever vCard version is served, since it names the card's state) and
 * whether this viewer may write it.
 */
record DavCard(String name, String uid, String etag, boolean writable, Function<VCardVersion, String> renderer) {

    String render(VCardVersion version) {
        return renderer.apply(version);
    }

    /** The resource name Kith gives a card it serves: its UID and {@code .vcf}. */
    static String nameOf(String uid) {
        return uid + ".vcf";
    }

    /** The UID in a Kith resource name, or null if the name is not one Kith gives. */
    static String uidOf(String name) {
        return name.endsWith(".vcf") && name.length() > 4 ? name.substring(0, name.length() - 4) : null;
    }
}
