package org.kith.server.dav;

import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.PreconditionFailed;

/**
 * A PUT into the merged book or a group's book: only the viewer's own card may be written, and
 * writing it changes their one card everywhere (every group, every member's devices).
 */
final class OwnCardWrite {
    private OwnCardWrite() {}

    static DavBook.Written put(Kith kith, long viewer, DavBook book, String name, String vcard, String ifMatch,
                               boolean ifNoneMatchStar) {
        DavCard current = book.card(name).orElse(null);
        if (current == null) {
            throw DavError.readOnly("new cards cannot be added to this address book; it shows the cards of your groups."
                    + " Add them to a personal address book");
        }
        if (!current.writable()) {
            throw DavError.readOnly("this is another member's card; only they can change it");
        }
        if (ifNoneMatchStar) {
            throw new PreconditionFailed(ErrorCode.CARD_EXISTS, "the card exists (If-None-Match: *)");
        }
        ifMatch = current.nativeIfMatch(ifMatch);
        String ownUid = kith.cards().myCard(viewer).uid();
        if (current.uid().equals(ownUid)) {
            kith.cards().updateFromVcard(viewer, vcard, ifMatch); // compare-and-swap in the store
        } else {
            // Served under an inherited entry UID here, so its ETag differs from the card's own.
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*") && !ifMatch.contains(current.etag())) {
                throw new PreconditionFailed(ErrorCode.CARD_CHANGED,
                        "the card has changed since you read it; fetch it and try again");
            }
            kith.cards().updateFromVcard(viewer, vcard, null);
        }
        // No ETag: the stored card is Kith's normalised form, not the bytes sent (RFC 6352 §6.3.2.3).
        return new DavBook.Written(false, null);
    }
}
