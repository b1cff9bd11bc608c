package org.kith.core.model;

/**
 * One card as it appears in one group's phonebook, before the privacy policy is applied.
 * {@code accountId}/{@code username}/{@code displayName} are null for managed entries.
 */
public record GroupCard(long groupId, String uid, Long accountId, String username, String displayName,
                        Long entryId, String vcard, String etag) {

    public boolean managed() {
        return entryId != null;
    }
}
