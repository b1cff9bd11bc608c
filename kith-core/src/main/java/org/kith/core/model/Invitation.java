package org.kith.core.model;

import java.time.Instant;

/**
 * An invitation to a group: either addressed to one account ({@code inviteeId} set) or a link
 * with a {@code code}, an optional use limit and expiry. {@code entryId} ties it to a managed
 * entry whose UID the joiner's card inherits.
 */
public record Invitation(long id, long groupId, long inviterId, Long inviteeId, String code, Integer maxUses,
                         int uses, Instant expiresAt, Long entryId, InvitationStatus status, Instant createdAt) {

    public boolean isLink() {
        return code != null;
    }

    /** The status a reader should see now: a pending invitation past its expiry or uses is expired. */
    public InvitationStatus effectiveStatus(Instant now) {
        if (status != InvitationStatus.PENDING) {
            return status;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return InvitationStatus.EXPIRED;
        }
        if (maxUses != null && uses >= maxUses) {
            return InvitationStatus.EXPIRED;
        }
        return status;
    }
}
