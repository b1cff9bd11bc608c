package org.kith.core.store;

import java.util.List;
import java.util.Optional;

import org.kith.core.model.GroupCard;

/**
 * A group's phonebook as stored, before the privacy policy: its active members' own cards, each
 * under the UID it is shown under there ({@link org.kith.core.model.Member#shownUid}), then its
 * live managed entries. Confined to its transaction's thread.
 */
public interface PhonebookStore {

    /** Every card of the group: members in order of joining, then entries in order of creation. */
    List<GroupCard> cards(long groupId);

    /** The card shown under {@code uid} in the group. A store may find it without listing the group. */
    default Optional<GroupCard> card(long groupId, String uid) {
        return cards(groupId).stream().filter(c -> c.uid().equals(uid)).findFirst();
    }
}
