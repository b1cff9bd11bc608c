package org.kith.store;

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
import org.kith.core.model.DirectoryToken;
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
import org.kith.core.store.StoreTx;

/**
 * {@link StoreTx} on one connection inside one transaction, handing each area to its table helper.
 * Confined to one thread.
 */
final class JdbcTx implements StoreTx {
    private final Sql sql;
    private final AccountRows accounts;
    private final CredentialRows credentials;
    private final CardRows cards;
    private final GroupRows groups;
    private final PhonebookRows phonebooks;
    private final EntryRows entries;
    private final InvitationRows invitations;
    private final BlockRows blocks;
    private final FeedRows feed;
    private final PersonalBookRows personal;
    private final DirectoryTokenRows directoryTokens;

    JdbcTx(Sql sql) {
        this.sql = sql;
        this.accounts = new AccountRows(sql);
        this.credentials = new CredentialRows(sql);
        this.cards = new CardRows(sql);
        this.groups = new GroupRows(sql);
        this.phonebooks = new PhonebookRows(sql);
        this.entries = new EntryRows(sql);
        this.invitations = new InvitationRows(sql);
        this.blocks = new BlockRows(sql);
        this.feed = new FeedRows(sql, groups);
        this.personal = new PersonalBookRows(sql);
        this.directoryTokens = new DirectoryTokenRows(sql);
    }

    /** The raw connection helper, for this package's tests. */
    Sql sql() {
        return sql;
    }

    // ---- feed clock -------------------------------------------------------------------------

    @Override
    public long nextSeq() {
        return feed.nextSeq();
    }

    @Override
    public long currentSeq() {
        return feed.currentSeq();
    }

    @Override
    public long oldestRetainedSeq() {
        return feed.oldestRetainedSeq();
    }

    // ---- accounts, credentials ---------------------------------------------------------------

    @Override
    public Optional<Long> insertAccount(String username, String displayName, String passwordHash, String region,
                                        String cardUid, String cardVcard, String cardEtag, Instant now) {
        Optional<Long> id = accounts.insert(username, displayName, passwordHash, region, now);
        id.ifPresent(accountId -> cards.insert(accountId, cardUid, cardVcard, cardEtag, now));
        return id;
    }

    @Override
    public Optional<Account> account(long id) {
        return accounts.byId(id);
    }

    @Override
    public Optional<Account> accountByUsername(String username) {
        return accounts.byUsername(username);
    }

    @Override
    public Optional<String> passwordHash(long accountId) {
        return accounts.passwordHash(accountId);
    }

    @Override
    public long insertAppPassword(long accountId, String name, String secretHash, Instant now) {
        return credentials.insertAppPassword(accountId, name, secretHash, now);
    }

    @Override
    public List<AppPassword> appPasswords(long accountId) {
        return credentials.appPasswords(accountId);
    }

    @Override
    public boolean deleteAppPassword(long accountId, long appPasswordId) {
        return credentials.deleteAppPassword(accountId, appPasswordId);
    }

    @Override
    public Optional<AppPassword> appPasswordBySecretHash(String secretHash) {
        return credentials.appPasswordBySecretHash(secretHash);
    }

    @Override
    public void touchAppPassword(long appPasswordId, Instant now) {
        credentials.touchAppPassword(appPasswordId, now);
    }

    @Override
    public void insertSession(String tokenHash, long accountId, Instant expiresAt) {
        credentials.insertSession(tokenHash, accountId, expiresAt);
    }

    @Override
    public Optional<Long> sessionAccount(String tokenHash, Instant now) {
        return credentials.sessionAccount(tokenHash, now);
    }

    @Override
    public void deleteSession(String tokenHash) {
        credentials.deleteSession(tokenHash);
    }

    // ---- own cards --------------------------------------------------------------------------

    @Override
    public Optional<StoredCard> card(long accountId) {
        return cards.card(accountId);
    }

    @Override
    public boolean updateCard(long accountId, String vcard, String etag, String expectedEtag, Instant now) {
        return cards.update(accountId, vcard, etag, expectedEtag, now);
    }

    @Override
    public void setCardUid(long accountId, String uid) {
        cards.setUid(accountId, uid);
    }

    @Override
    public Optional<Long> accountOfCardUid(String uid) {
        return cards.accountOfUid(uid);
    }

    @Override
    public void replacePhones(long accountId, Collection<String> e164Numbers) {
        cards.replacePhones(accountId, e164Numbers);
    }

    @Override
    public List<Long> accountsWithPhone(String e164) {
        return cards.accountsWithPhone(e164);
    }

    // ---- groups and memberships -------------------------------------------------------------

    @Override
    public long insertGroup(String name, String description, int memberLimit, boolean membersMayInvite, long ownerId,
                            Instant now) {
        return groups.insert(name, description, memberLimit, membersMayInvite, ownerId, now);
    }

    @Override
    public Optional<Group> group(long groupId) {
        return groups.group(groupId);
    }

    @Override
    public Optional<Group> lockGroup(long groupId) {
        return groups.lock(groupId);
    }

    @Override
    public void updateGroup(long groupId, String name, String description, int memberLimit, boolean membersMayInvite) {
        groups.update(groupId, name, description, memberLimit, membersMayInvite);
    }

    @Override
    public void setGroupOwner(long groupId, long ownerId) {
        groups.setOwner(groupId, ownerId);
    }

    @Override
    public void deleteGroup(long groupId, long seq, Instant now) {
        groups.delete(groupId, seq, now);
    }

    @Override
    public List<Group> groupsOf(long accountId) {
        return groups.groupsOf(accountId);
    }

    @Override
    public void insertMembership(long groupId, long accountId, Role role, String aliasUid, long seq, Instant now) {
        groups.insertMembership(groupId, accountId, role, aliasUid, seq, now);
    }

    @Override
    public boolean endMembership(long groupId, long accountId, long seq, Instant now) {
        return groups.endMembership(groupId, accountId, seq, now);
    }

    @Override
    public Optional<Member> member(long groupId, long accountId) {
        return groups.member(groupId, accountId);
    }

    @Override
    public List<Member> members(long groupId) {
        return groups.members(groupId);
    }

    @Override
    public int memberCount(long groupId) {
        return groups.memberCount(groupId);
    }

    @Override
    public void setRole(long groupId, long accountId, Role role) {
        groups.setRole(groupId, accountId, role);
    }

    @Override
    public List<Long> sharedGroups(long accountA, long accountB) {
        return groups.sharedGroups(accountA, accountB);
    }

    // ---- phonebook reads --------------------------------------------------------------------

    @Override
    public List<GroupCard> groupCards(long groupId) {
        return phonebooks.groupCards(groupId);
    }

    @Override
    public Optional<GroupCard> groupCard(long groupId, String uid) {
        return phonebooks.groupCard(groupId, uid);
    }

    // ---- managed entries --------------------------------------------------------------------

    @Override
    public long insertEntry(long groupId, String uid, String vcard, String etag, Instant now) {
        return entries.insert(groupId, uid, vcard, etag, now);
    }

    @Override
    public Optional<ManagedEntry> entry(long groupId, long entryId) {
        return entries.entry(groupId, entryId);
    }

    @Override
    public List<ManagedEntry> entries(long groupId) {
        return entries.entries(groupId);
    }

    @Override
    public void updateEntry(long groupId, long entryId, String vcard, String etag) {
        entries.update(groupId, entryId, vcard, etag);
    }

    @Override
    public void setEntryInvitation(long entryId, Long invitationId) {
        entries.setInvitation(entryId, invitationId);
    }

    @Override
    public void deleteEntry(long groupId, long entryId) {
        entries.delete(groupId, entryId);
    }

    // ---- invitations ------------------------------------------------------------------------

    @Override
    public long insertInvitation(long groupId, long inviterId, Long inviteeId, String code, Integer maxUses,
                                 Instant expiresAt, Long entryId, Instant now) {
        return invitations.insert(groupId, inviterId, inviteeId, code, maxUses, expiresAt, entryId, now);
    }

    @Override
    public Optional<Invitation> invitation(long invitationId) {
        return invitations.byId(invitationId);
    }

    @Override
    public Optional<Invitation> invitationByCode(String code) {
        return invitations.byCode(code);
    }

    @Override
    public List<Invitation> pendingInvitationsOfGroup(long groupId) {
        return invitations.pendingOfGroup(groupId);
    }

    @Override
    public List<Invitation> pendingInvitationsFor(long accountId) {
        return invitations.pendingFor(accountId);
    }

    @Override
    public void setInvitationStatus(long invitationId, InvitationStatus status) {
        invitations.setStatus(invitationId, status);
    }

    @Override
    public void useInvitation(long invitationId) {
        invitations.use(invitationId);
    }

    // ---- blocks -----------------------------------------------------------------------------

    @Override
    public boolean insertBlock(long blockerId, long blockedId, Instant now) {
        return blocks.insert(blockerId, blockedId, now);
    }

    @Override
    public boolean deleteBlock(long blockerId, long blockedId) {
        return blocks.delete(blockerId, blockedId);
    }

    @Override
    public List<Block> blocksBy(long blockerId) {
        return blocks.blocksBy(blockerId);
    }

    @Override
    public Set<Long> blockersOf(long viewerId) {
        return blocks.blockersOf(viewerId);
    }

    // ---- change feed ------------------------------------------------------------------------

    @Override
    public void appendGroupChange(long seq, long groupId, Long subjectAccountId, String uid, ChangeKind kind) {
        feed.appendGroup(seq, groupId, subjectAccountId, uid, kind);
    }

    @Override
    public void appendViewerChange(long seq, long viewerId, long groupId, String uid, ChangeKind kind) {
        feed.appendViewer(seq, viewerId, groupId, uid, kind);
    }

    @Override
    public List<ChangeRow> groupFeed(long groupId, long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit) {
        return feed.groupFeed(groupId, viewerId, hiddenSubjects, afterSeq, limit);
    }

    @Override
    public long groupFeedHead(long groupId, long viewerId, Set<Long> hiddenSubjects) {
        return feed.groupFeedHead(groupId, viewerId, hiddenSubjects);
    }

    @Override
    public long viewerRowsHead(long viewerId) {
        return feed.viewerRowsHead(viewerId);
    }

    @Override
    public List<ChangeRow> viewerFeed(long viewerId, Set<Long> hiddenSubjects, long afterSeq, int limit) {
        return feed.viewerFeed(viewerId, hiddenSubjects, afterSeq, limit);
    }

    // ---- personal books ---------------------------------------------------------------------

    @Override
    public Optional<Long> insertPersonalBook(long ownerId, String slug, String displayName, String description,
                                             long seq, Instant now) {
        return personal.insertBook(ownerId, slug, displayName, description, seq, now);
    }

    @Override
    public List<StoredBook> personalBooks(long ownerId) {
        return personal.books(ownerId);
    }

    @Override
    public Optional<StoredBook> personalBook(long ownerId, String slug) {
        return personal.book(ownerId, slug);
    }

    @Override
    public int personalBookCount(long ownerId) {
        return personal.bookCount(ownerId);
    }

    @Override
    public void updatePersonalBook(long bookId, String displayName, String description) {
        personal.updateBook(bookId, displayName, description);
    }

    @Override
    public void deletePersonalBook(long bookId) {
        personal.deleteBook(bookId);
    }

    @Override
    public void deletePersonalBooksOf(long ownerId) {
        personal.deleteBooksOf(ownerId);
    }

    @Override
    public List<PersonalCard> personalCards(long bookId) {
        return personal.cards(bookId);
    }

    @Override
    public Optional<PersonalCard> personalCard(long bookId, String name) {
        return personal.card(bookId, name);
    }

    @Override
    public List<PersonalCard> personalCards(long bookId, Collection<String> names) {
        return personal.cards(bookId, names);
    }

    @Override
    public Optional<PersonalCard> personalCardByUid(long bookId, String uid) {
        return personal.cardByUid(bookId, uid);
    }

    @Override
    public void putPersonalCard(long bookId, PersonalCard card) {
        personal.put(bookId, card);
    }

    @Override
    public boolean insertPersonalCard(long bookId, PersonalCard card) {
        return personal.insert(bookId, card);
    }

    @Override
    public boolean replacePersonalCard(long bookId, PersonalCard card, String expectedEtag) {
        return personal.replace(bookId, card, expectedEtag);
    }

    @Override
    public boolean deletePersonalCard(long bookId, String name, long seq, String expectedEtag) {
        return personal.delete(bookId, name, seq, expectedEtag);
    }

    @Override
    public List<PersonalCardRow> personalCardChanges(long bookId, long afterSeq, boolean includeDeleted, int limit) {
        return personal.changes(bookId, afterSeq, includeDeleted, limit);
    }

    // ---- directory tokens -------------------------------------------------------------------

    @Override
    public long insertDirectoryToken(long accountId, String name, String secretHash, Instant now, Instant expiresAt) {
        return directoryTokens.insertDirectoryToken(accountId, name, secretHash, now, expiresAt);
    }

    @Override
    public List<DirectoryToken> directoryTokens(long accountId) {
        return directoryTokens.directoryTokens(accountId);
    }

    @Override
    public Optional<DirectoryToken> directoryTokenBySecretHash(String secretHash) {
        return directoryTokens.directoryTokenBySecretHash(secretHash);
    }

    @Override
    public boolean deleteDirectoryToken(long accountId, long tokenId) {
        return directoryTokens.deleteDirectoryToken(accountId, tokenId);
    }

    @Override
    public void touchDirectoryToken(long tokenId, Instant now) {
        directoryTokens.touchDirectoryToken(tokenId, now);
    }
}
