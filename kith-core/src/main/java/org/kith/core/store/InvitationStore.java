package org.kith.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;

/**
 * Invitations, addressed to a person or redeemable by a link code (unique, compared exactly).
 * Single lookups return invitations of deleted groups too (the services answer "the group no
 * longer exists"); the pending lists leave them out. Expiry is judged by the caller.
 * Confined to its transaction's thread.
 */
public interface InvitationStore {

    /** Returns the new invitation's id; it starts PENDING with no uses. */
    long insert(long groupId, long inviterId, Long inviteeId, String code, Integer maxUses, Instant expiresAt,
                Long entryId, Instant now);

    Optional<Invitation> get(long invitationId);

    Optional<Invitation> byCode(String code);

    /** The group's invitations in status PENDING, oldest first. */
    List<Invitation> pendingOfGroup(long groupId);

    /** Pending invitations addressed to this account, oldest first. */
    List<Invitation> pendingFor(long accountId);

    void setStatus(long invitationId, InvitationStatus status);

    /** Counts one use of a link invitation. */
    void use(long invitationId);
}
