package org.kith.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kith.core.model.Account;
import org.kith.core.model.AppPassword;
import org.kith.core.model.Block;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;
import org.kith.core.model.Group;
import org.kith.core.model.GroupCard;
import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;
import org.kith.core.model.ManagedEntry;
import org.kith.core.model.Member;
import org.kith.core.model.PersonalCard;
import org.kith.core.model.PersonalCardRow;
import org.kith.core.model.Role;
import org.kith.core.model.StoredBook;
import org.kith.core.model.StoredCard;

/**
 * What the services may ask of storage inside one transaction. Inputs are already validated by
 * the services; the store enforces only uniqueness and compare-and-swap, reporting them through
 * return values (never by letting a driver exception escape). Deleted groups, ended memberships
 * and deleted entries are invisible to every read here.
 */
public interface StoreTx extends DirectoryTokenTx {

    // ---- feed clock -------------------------------------------------------------------------

    /** Advances the global feed clock and returns the new position. Serialises writers until commit. */
    long nextSeq();

    /** The newest position handed out (0 on an empty database). */
    long currentSeq();

    /** Tokens below this position are too old: their feed rows may have been pruned. */
    long oldestRetainedSeq();

    // ---- accounts, credentials ---------------------------------------------------------------

    /** Inserts an account with its card; returns the id, or empty if the username is taken (case-insensitive). */
    Optional<Long> insertAccount(String username, String displayName, String passwordHash, String region,
                                 String cardUid, String cardVcard, String cardEtag, Instant now);

    Optional<Account> account(long id);

    /** Case-insensitive lookup. */
    Optional<Account> accountByUsername(String username);

    Optional<String> passwordHash(long accountId);

    long insertAppPassword(long accountId, String name, String secretHash, Instant now);

    List<AppPassword> appPasswords(long accountId);

    /** Deletes the app password if it belongs to {@code accountId}; false if there was none. */
    boolean deleteAppPassword(long accountId, long appPasswordId);

    Optional<AppPassword> appPasswordBySecretHash(String secretHash);

    void touchAppPassword(long appPasswordId, Instant now);

    void insertSession(String tokenHash, long accountId, Instant expiresAt);

    /** The account of an unexpired session token. */
    Optional<Long> sessionAccount(String tokenHash, Instant now);

    void deleteSession(String tokenHash);

    // ---- own cards --------------------------------------------------------------------------

    Optional<StoredCard> card(long accountId);

    /**
     * Compare-and-swap update of a person's card: writes only if the stored etag equals
     * {@code expectedEtag} (any etag when null). Returns false when the swap lost.
     */
    boolean updateCard(long accountId, String vcard, String etag, String expectedEtag, Instant now);

    /** Gives a person's card a new UID (used when a first group membership inherits a managed entry's UID). */
    void setCardUid(long accountId, String uid);

    /** The account whose own card has this UID. */
    Optional<Long> accountOfCardUid(String uid);

    /** Replaces the E.164 numbers indexed for a person's card. */
    void replacePhones(long accountId, Collection<String> e164Numbers);

    /** Accounts whose card holds this E.164 number. */
    List<Long> accountsWithPhone(String e164);

    // ---- groups and memberships -------------------------------------------------------------

    long insertGroup(String name, String description, int memberLimit, boolean membersMayInvite, long ownerId,
                     Instant now);

    Optional<Group> group(long groupId);

    /**
     * Reads the group and locks it against concurrent membership changes until commit
     * ({@code SELECT … FOR UPDATE} where the database has it). Empty if absent or deleted.
     */
    Optional<Group> lockGroup(long groupId);

    void updateGroup(long groupId, String name, String description, int memberLimit, boolean membersMayInvite);

    void setGroupOwner(long groupId, long ownerId);

    /** Marks the group deleted and ends every membership at {@code seq}. */
    void deleteGroup(long groupId, long seq, Instant now);

    /** Groups the account is an active member of, oldest first. */
    List<Group> groupsOf(long accountId);

    /**
     * Starts a membership. {@code aliasUid} is the UID the member's card is shown under in this
     * group when it differs from the card's own (null otherwise).
     */
    void insertMembership(long groupId, long accountId, Role role, String aliasUid, long seq, Instant now);

    /** Ends the active membership at {@code seq}; false if there was none. */
    boolean endMembership(long groupId, long accountId, long seq, Instant now);

    Optional<Member> member(long groupId, long accountId);

    /** Active members with their accounts, in order of joining. */
    List<Member> members(long groupId);

    int memberCount(long groupId);

    void setRole(long groupId, long accountId, Role role);

    /** Ids of the groups both accounts are active members of. */
    List<Long> sharedGroups(long accountA, long accountB);

    // ---- phonebook reads --------------------------------------------------------------------

    /** Every card in the group's phonebook (members' own cards and managed entries), unfiltered. */
    List<GroupCard> groupCards(long groupId);

    /** The card shown under {@code uid} in the group, unfiltered. */
    Optional<GroupCard> groupCard(long groupId, String uid);

    // ---- managed entries --------------------------------------------------------------------

    long insertEntry(long groupId, String uid, String vcard, String etag, Instant now);

    Optional<ManagedEntry> entry(long groupId, long entryId);

    List<ManagedEntry> entries(long groupId);

    void updateEntry(long groupId, long entryId, String vcard, String etag);

    void setEntryInvitation(long entryId, Long invitationId);

    void deleteEntry(long groupId, long entryId);

    // ---- invitations ------------------------------------------------------------------------

    long insertInvitation(long groupId, long inviterId, Long inviteeId, String code, Integer maxUses,
                          Instant expiresAt, Long entryId, Instant now);

    Optional<Invitation> invitation(long invitationId);

    Optional<Invitation> invitationByCode(String code);

    /** The group's invitations in status PENDING (expiry is judged by the caller). */
    List<Invitation> pendingInvitationsOfGroup(long groupId);

    /** Pending invitations addressed to this account. */
    List<Invitation> pendingInvitationsFor(long accountId);

    void setInvitationStatus(long invitationId, InvitationStatus status);

    /** Counts one use of a link invitation. */
    void useInvitation(long invitationId);

    // ---- blocks -----------------------------------------------------------------------------

    /** False if the block already existed. */
    boolean insertBlock(long blockerId, long blockedId, Instant now);

    boolean deleteBlock(long blockerId, long blockedId);

    List<Block> blocksBy(long blockerId);

    /** Everyone who blocks {@code viewerId}. */
    Set<Long> blockersOf(long viewerId);

    // ---- change feed ------------------------------------------------------------------------

    /** A row every member of the group may see, unless {@code subjectAccountId} blocks them. */
    void appendGroupChange(long seq, long groupId, Long subjectAccountId, String uid, ChangeKind kind);

    /** A row for one viewer only. */
    void appendViewerChange(long seq, long viewerId, long groupId, String uid, ChangeKind kind);

    /**
     * The rows of one group's feed that {@code viewerId} may see, with seq above {@code afterSeq},
     * oldest first, at most {@code limit}: group rows whose subject is not in {@code hiddenSubjects},
     * plus the viewer's own rows for the group. Must cost O(rows returned), not O(group size).
     */
    List<ChangeRow> groupFeed(long groupId, long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit);

    /** The seq of the newest row {@link #groupFeed} would return with afterSeq 0, or 0. */
    long groupFeedHead(long groupId, long viewerId, Set<Long> hiddenSubjects);

    /** The seq of the newest of the viewer's own rows (any group, including groups left), or 0. */
    long viewerRowsHead(long viewerId);

    /**
     * The rows across all of the viewer's current groups plus the viewer's own rows (for any
     * group), with seq above {@code afterSeq}, oldest first, at most {@code limit}.
     */
    List<ChangeRow> viewerFeed(long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit);

    // ---- personal books ---------------------------------------------------------------------
    // A person's own read-write books. A card row is live or a tombstone; every write gives the
    // row the caller's position ({@code card.seq()} or {@code seq}), which must be a new one
    // from nextSeq(): positions are unique within a book.

    /** Inserts a book created at {@code seq}; returns its id, or empty if the owner has a book with this slug. */
    Optional<Long> insertPersonalBook(long ownerId, String slug, String displayName, String description, long seq,
                                      Instant now);

    /** The owner's books, oldest first. */
    List<StoredBook> personalBooks(long ownerId);

    Optional<StoredBook> personalBook(long ownerId, String slug);

    int personalBookCount(long ownerId);

    void updatePersonalBook(long bookId, String displayName, String description);

    /** Deletes the book with all its card rows, tombstones included. */
    void deletePersonalBook(long bookId);

    /** Deletes every book of the owner with all their card rows (for removing an account's data). */
    void deletePersonalBooksOf(long ownerId);

    /** The book's live cards in order of their last write, oldest first. */
    List<PersonalCard> personalCards(long bookId);

    /** The live card of that name. */
    Optional<PersonalCard> personalCard(long bookId, String name);

    /** The live cards among {@code names} (any order; names that do not exist are left out). */
    List<PersonalCard> personalCards(long bookId, Collection<String> names);

    /** The live card with this UID. */
    Optional<PersonalCard> personalCardByUid(long bookId, String uid);

    /** Writes the card whatever is stored under its name: inserts, replaces, or revives a tombstone. */
    void putPersonalCard(long bookId, PersonalCard card);

    /** Writes the card only if no live card has its name (a new name or a tombstone); false otherwise. */
    boolean insertPersonalCard(long bookId, PersonalCard card);

    /**
     * Compare-and-swap: replaces the live card of that name only if its etag equals
     * {@code expectedEtag} (any live card when null). False when there was none or the swap lost.
     */
    boolean replacePersonalCard(long bookId, PersonalCard card, String expectedEtag);

    /**
     * Compare-and-swap deletion: turns the live card into a tombstone at {@code seq} only if its
     * etag equals {@code expectedEtag} (any live card when null). False when there was none or the swap lost.
     */
    boolean deletePersonalCard(long bookId, String name, long seq, String expectedEtag);

    /**
     * Card rows with seq above {@code afterSeq}, oldest first, at most {@code limit}; tombstones
     * only when {@code includeDeleted}. Must be one range of the (book_id, seq) index: O(rows
     * returned), plus the tombstones passed over when they are left out.
     */
    List<PersonalCardRow> personalCardChanges(long bookId, long afterSeq, boolean includeDeleted, int limit);
}
