package org.kith.server.dav;

import org.kith.core.Kith;
import org.kith.core.Precondition;

/**
 * A PUT into the merged book or a group's book: only the viewer's own card may be written, and
 * writing it changes their one card everywhere (every group, every member's devices).
 */
final class OwnCardWrite {
    private OwnCardWrite() {}

    static DavBook.Written put(Kith kith, long viewer, DavBook book, String name, String vcard, Precondition condition) {
        DavCard current = book.card(name).orElse(null);
        if (current == null) {
            throw DavError.readOnly("new cards cannot be added to this address book; it shows the cards of your groups."
                    + " Add them to a personal address book");
        }
        if (!current.writable()) {
            throw DavError.readOnly("this is another member's card; only they can change it");
        }
        // Compared inside the write with the ETag served under this UID (its own, or an inherited entry's).
        kith.cards().updateFromVcard(viewer, vcard, current.nativeCondition(condition), current.uid());
        // No ETag: the stored card is Kith's normalised form, not the bytes sent (RFC 6352 §6.3.2.3).
        return new DavBook.Written(false, null);
    }
}
