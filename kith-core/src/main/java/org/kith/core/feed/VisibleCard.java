package org.kith.core.feed;

import org.kith.core.card.CardCodec;
import org.kith.core.model.GroupCard;

/**
 * A card that the privacy policy let through for one viewer, in one group. Surfaces render it
 * (JSON, vCard 3.0/4.0) from {@code canonical}; the {@code etag} is over what they serve.
 */
public record VisibleCard(long groupId, String uid, String etag, Long accountId, String username,
                          String displayName, Long entryId, String canonical) {

    public static VisibleCard of(GroupCard card) {
        return new VisibleCard(card.groupId(), card.uid(), CardCodec.servedEtag(card.etag(), card.uid()),
                card.accountId(), card.username(), card.displayName(), card.entryId(), card.vcard());
    }

    public boolean managed() {
        return entryId != null;
    }
}
