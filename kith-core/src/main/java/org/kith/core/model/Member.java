package org.kith.core.model;

import java.time.Instant;

/**
 * An active membership joined with the member's account. {@code cardUid} is the UID under which
 * this member's card is shown in this group: {@link #shownUid}.
 */
public record Member(long groupId, long accountId, String username, String displayName, Role role,
                     String cardUid, long joinedSeq, Instant joinedAt) {

    /**
     * The UID a member's card is shown under in a group: the UID inherited from the managed
     * entry the member replaced there (null when none), else the card's own.
     */
    public static String shownUid(String inheritedUid, String ownUid) {
        return inheritedUid != null ? inheritedUid : ownUid;
    }
}
