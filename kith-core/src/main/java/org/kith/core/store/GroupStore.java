package org.kith.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.Group;
import org.kith.core.model.Member;
import org.kith.core.model.Role;

/**
 * Groups and memberships. Both are deleted softly: a deleted group and an ended membership are
 * invisible to every read here. A person has at most one active membership per group (a second
 * one is a database failure, not a result). Confined to its transaction's thread.
 */
public interface GroupStore {

    /** Returns the new group's id. */
    long insert(String name, String description, int memberLimit, boolean membersMayInvite, long ownerId,
                Instant now);

    Optional<Group> get(long groupId);

    /**
     * Reads the group and locks it against concurrent membership changes until commit
     * ({@code SELECT … FOR UPDATE} where the database has it). Empty if absent or deleted.
     * Take the feed position ({@link FeedStore#nextSeq()}) first: every writer locks in that order.
     */
    Optional<Group> lock(long groupId);

    void update(long groupId, String name, String description, int memberLimit, boolean membersMayInvite);

    void setOwner(long groupId, long ownerId);

    /** Marks the group deleted, ends every membership and removes every managed entry, at {@code seq}. */
    void delete(long groupId, long seq, Instant now);

    /** Groups the account is an active member of, oldest first. */
    List<Group> groupsOf(long accountId);

    /**
     * Starts a membership. {@code aliasUid} is the UID the member's card is shown under in this
     * group when it differs from the card's own (null otherwise): see {@link Member#shownUid}.
     */
    void insertMembership(long groupId, long accountId, Role role, String aliasUid, long seq, Instant now);

    /** Ends the active membership at {@code seq}; false if there was none. */
    boolean endMembership(long groupId, long accountId, long seq, Instant now);

    Optional<Member> member(long groupId, long accountId);

    /** Active members with their accounts, in order of joining. */
    List<Member> members(long groupId);

    /** How many active members the group has. A store may answer without listing them. */
    default int memberCount(long groupId) {
        return members(groupId).size();
    }

    void setRole(long groupId, long accountId, Role role);

    /** Ids of the groups both accounts are active members of, in id order. */
    List<Long> sharedGroups(long accountA, long accountB);
}
