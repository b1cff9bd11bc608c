package org.kith.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * {@link #card} for each of {@code uids} (addressbook-multiget): the cards found, each once,
     * in any order. A store should read them at once, in O(uids asked) rather than O(group).
     */
    default List<GroupCard> cards(long groupId, Collection<String> uids) {
        List<GroupCard> found = new ArrayList<>();
        for (String uid : new LinkedHashSet<>(uids)) {
            card(groupId, uid).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The cards of any of {@code groupIds} that a book spanning them lists under one of
     * {@code ownUids}: members whose own card has that UID, however each group shows them, and
     * managed entries with that UID; possibly one per group for a UID, in any order. A store
     * should read them in O(uids asked); this default lists each group.
     */
    default List<GroupCard> byOwnUid(Collection<Long> groupIds, Collection<String> ownUids) {
        Set<String> wanted = Set.copyOf(ownUids);
        List<GroupCard> found = new ArrayList<>();
        for (long groupId : groupIds) {
            for (GroupCard card : cards(groupId)) {
                if (wanted.contains(card.underOwnUid().uid())) {
                    found.add(card);
                }
            }
        }
        return found;
    }
}
