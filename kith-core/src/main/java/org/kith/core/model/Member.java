package org.kith.core.model;

import java.time.Instant;

/**
 * An active membership joined with the member's account. {@code cardUid} is the UID under which
 * this member's card is shown in this group (an inherited managed-entry UID, or the card's own).
 */
public record Member(long groupId, long accountId, String username, String displayName, Role role,
                     String cardUid, long joinedSeq, Instant joinedAt) {}
