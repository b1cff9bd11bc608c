package org.kith.core.model;

/**
 * One card as it appears in one group's phonebook, before the privacy policy is applied.
 * {@code accountId}/{@code username}/{@code displayName}/{@code ownUid} are null for managed
 * entries. {@code ownUid} is the member's card's own UID; {@code uid} differs from it where the
 * group shows the member under a UID inherited from a managed entry.
 */
public record GroupCard(long groupId, String uid, Long accountId, String username, String displayName,
                        Long entryId, String vcard, String etag, String ownUid) {

    public boolean managed() {
        return entryId != null;
    }

    /** This card listed under the member's own UID (what a book spanning several groups shows). */
    public GroupCard underOwnUid() {
        return ownUid == null || ownUid.equals(uid) ? this
                : new GroupCard(groupId, ownUid, accountId, username, displayName, entryId, vcard, etag, ownUid);
    }
}
