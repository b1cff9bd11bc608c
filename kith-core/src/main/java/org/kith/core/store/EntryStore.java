package org.kith.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.ManagedEntry;

/**
 * Managed entries: cards a group's owner typed in. Deleted softly; a UID is unique among a
 * group's live entries (a duplicate is a database failure: the services check first). Confined
 * to its transaction's thread.
 */
public interface EntryStore {

    /** Returns the new entry's id. */
    long insert(long groupId, String uid, String vcard, String etag, Instant now);

    /** The live entry with this id in this group. */
    Optional<ManagedEntry> get(long groupId, long entryId);

    /** The group's live entries, oldest first. */
    List<ManagedEntry> list(long groupId);

    /** Replaces a live entry's text; a deleted entry stays deleted. */
    void update(long groupId, long entryId, String vcard, String etag);

    /** Ties the entry to the invitation that will replace it (null unties it). */
    void setInvitation(long entryId, Long invitationId);

    void delete(long groupId, long entryId);
}
