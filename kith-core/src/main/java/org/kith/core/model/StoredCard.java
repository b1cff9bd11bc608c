package org.kith.core.model;

import java.time.Instant;

/**
 * A person's own card as stored: the canonical vCard 4.0 text without UID (the UID is written
 * when the card is served, because a member's card may be shown under an inherited UID in one
 * group). {@code etag} is the hash of {@code vcard}; it is the compare-and-swap token for writes.
 */
public record StoredCard(long accountId, String uid, String vcard, String etag, Instant updatedAt) {}
