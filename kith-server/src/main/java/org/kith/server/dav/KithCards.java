package org.kith.server.dav;

import org.kith.core.card.CardCodec;
import ezvcard.VCardVersion;
import org.kith.core.feed.VisibleCard;

/** Kith people and managed entries as vCard resources. */
final class KithCards {
    private KithCards() {}

    /** {@code viewer}'s own card is writable; every other card is read-only for them. */
    static DavCard of(VisibleCard card, long viewer, RenderCache cache) {
        boolean own = card.accountId() != null && card.accountId() == viewer;
        return new DavCard(DavCard.nameOf(card.uid()), card.uid(), card.etag(), VCardVersion.V3_0, own,
                version -> cache.get(card.etag(), version, () -> CardCodec.render(card.canonical(), card.uid(), version)));
    }
}
