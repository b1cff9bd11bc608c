package org.kith.core.model;

import java.time.Instant;

/** A card an owner typed in for someone who is not (yet) a member. */
public record ManagedEntry(long id, long groupId, String uid, String vcard, String etag, Long invitationId,
                           Instant createdAt) {}
