package org.kith.core.view;

import org.kith.core.card.CardData;

/** A person's own card: its UID, served ETag (the If-Match token), canonical text and structured form. */
public record OwnCard(String uid, String etag, String canonical, CardData data) {}
