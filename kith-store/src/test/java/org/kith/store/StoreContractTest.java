package org.kith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kith.core.model.Account;
import org.kith.core.model.AppPassword;
import org.kith.core.model.DirectoryToken;
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
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;

/**
 * The storage port's contract (Store and StoreTx Javadoc), run against every backend by a
 * subclass that says how to open a fresh database of its kind.
 */
abstract class StoreContractTest {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    Store store;

    /** A store on a new, empty database. */
    abstract Store openNew() throws Exception;

    /** The database of the last {@link #openNew()}, opened again. */
    abstract Store reopen() throws Exception;

    /** The backend's query plan for a statement, one line per element. */
    abstract List<String> plan(Sql sql, String statement, Object[] params);

    /** Whether a plan line reads the whole of {@code table}. */
    abstract boolean scans(String planLine, String table);

    @BeforeEach
    void open() throws Exception {
        store = openNew();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- helpers ----------------------------------------------------------------------------

    <T> T w(Function<StoreTx, T> work) {
        return store.write(work);
    }

    <T> T r(Function<StoreTx, T> work) {
        return store.read(work);
    }

    long account(String name) {
        return w((StoreTx tx) -> tx.insertAccount(name, name.toUpperCase(Locale.ROOT), "hash-" + name, "CN",
                "uid-" + name, "vcard-" + name, "etag-" + name, T0).orElseThrow());
    }

    /** A group with its owner as first member, created at a position of its own. */
    long group(long owner) {
        return group(owner, 50);
    }

    long group(long owner, int limit) {
        return w((StoreTx tx) -> {
            long seq = tx.nextSeq();
            long g = tx.insertGroup("group", "about", limit, true, owner, T0);
            tx.insertMembership(g, owner, Role.OWNER, null, seq, T0);
            return g;
        });
    }

    long join(long groupId, long accountId) {
        return join(groupId, accountId, null);
    }

    long join(long groupId, long accountId, String alias) {
        return w((StoreTx tx) -> {
            long seq = tx.nextSeq();
            tx.insertMembership(groupId, accountId, Role.MEMBER, alias, seq, T0);
            return seq;
        });
    }

    long groupRow(long groupId, Long subject, String uid) {
        return w((StoreTx tx) -> {
            long seq = tx.nextSeq();
            tx.appendGroupChange(seq, groupId, subject, uid, ChangeKind.CARD);
            return seq;
        });
    }

    static List<Long> seqs(List<ChangeRow> rows) {
        return rows.stream().map(ChangeRow::seq).toList();
    }

    // ---- feed clock -------------------------------------------------------------------------

    @Test
    void anEmptyDatabaseStartsAtPositionZero() {
        assertThat(r(StoreTx::currentSeq)).isZero();
        assertThat(r(StoreTx::oldestRetainedSeq)).isZero();
        assertThat(store.dialect()).isIn("sqlite", "postgresql");
    }

    @Test
    void nextSeqAdvancesTheClockAndRollsBackWithItsTransaction() {
        assertThat(w(StoreTx::nextSeq)).isEqualTo(1);
        assertThat(w((StoreTx tx) -> List.of(tx.nextSeq(), tx.nextSeq(), tx.currentSeq()))).containsExactly(2L, 3L, 3L);
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.nextSeq();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(r(StoreTx::currentSeq)).isEqualTo(3);
        assertThat(w(StoreTx::nextSeq)).isEqualTo(4);
    }

    @Test
    void concurrentWritersGetDistinctPositionsInCommitOrder() throws Exception {
        long a = account("a");
        long g = group(a); // position 1, no feed row
        int threads = 6;
        int perThread = 12;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            // A reader that has seen position N must never later find a new row below N: every
            // snapshot of the feed is a gap-free prefix.
            Future<Integer> reader = pool.submit(() -> {
                int snapshots = 0;
                while (writing.get()) {
                    List<Long> seen = seqs(r((StoreTx tx) -> tx.groupFeed(g, a, Set.of(), 0, 10_000)));
                    for (int i = 0; i < seen.size(); i++) {
                        if (seen.get(i) != 2 + i) {
                            violations.add("snapshot " + seen);
                            break;
                        }
                    }
                    snapshots++;
                }
                return snapshots;
            });
            List<Future<List<Long>>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(w((StoreTx tx) -> {
                            long seq = tx.nextSeq();
                            sleepMillis(ThreadLocalRandom.current().nextInt(3)); // widen the race window
                            tx.appendGroupChange(seq, g, a, "u" + seq, ChangeKind.CARD);
                            return seq;
                        }));
                    }
                    return mine;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> writer : writers) {
                List<Long> mine = writer.get(60, TimeUnit.SECONDS);
                assertThat(mine).isSorted();
                all.addAll(mine);
            }
            writing.set(false);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(all).hasSize(threads * perThread);
            assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(g, a, Set.of(), 0, 10_000))))
                    .containsExactlyElementsOf(LongStream.rangeClosed(2, 1 + threads * perThread).boxed().toList());
            assertThat(violations).isEmpty();
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    // ---- accounts and credentials ---------------------------------------------------------

    @Test
    void accountsAreUniqueByUsernameIgnoringCase() {
        long id = w((StoreTx tx) -> tx.insertAccount("Alice", "Alice W", "hash", "CN", "uid-a", "vcard-a", "etag-a",
                T0)).orElseThrow();
        // a lost race for a username is a result, and the transaction stays usable after it
        List<Object> second = w((StoreTx tx) -> List.of(
                tx.insertAccount("ALICE", "Other", "hash2", "CN", "uid-b", "vcard-b", "etag-b", T0),
                tx.insertAccount("bob", "Bob", "hash3", "GB", "uid-c", "vcard-c", "etag-c", T0)));
        assertThat(second.get(0)).isEqualTo(java.util.Optional.empty());
        assertThat(r((StoreTx tx) -> tx.accountByUsername("bob"))).isPresent();
        assertThat(r((StoreTx tx) -> tx.account(id))).contains(new Account(id, "Alice", "Alice W", "CN", T0));
        assertThat(r((StoreTx tx) -> tx.accountByUsername("aLiCe")).map(Account::id)).contains(id);
        assertThat(r((StoreTx tx) -> tx.accountByUsername("alice2"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.account(id + 1000))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.passwordHash(id))).contains("hash");
        assertThat(r((StoreTx tx) -> tx.card(id))).contains(new StoredCard(id, "uid-a", "vcard-a", "etag-a", T0));
        assertThat(r((StoreTx tx) -> tx.card(id + 1000))).isEmpty();
    }

    @Test
    void textRoundTripsExactly() {
        String vcard = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:陈雪松 🐉 O'Brien \"x\" % @\r\nEND:VCARD\r\n";
        long id = w((StoreTx tx) -> tx.insertAccount("陈雪松", "陈雪松 🐉", "h", "CN", "uid-陈", vcard, "e", T0)).orElseThrow();
        assertThat(r((StoreTx tx) -> tx.accountByUsername("陈雪松")).map(Account::displayName)).contains("陈雪松 🐉");
        assertThat(r((StoreTx tx) -> tx.card(id)).map(StoredCard::vcard)).contains(vcard);
    }

    @Test
    void directoryTokensBelongToTheirOwnerAndKeepTheirExpiry() {
        long a = account("a");
        long b = account("b");
        long t1 = w((StoreTx tx) -> tx.insertDirectoryToken(a, "desk", "hash-1", T0, null));
        long t2 = w((StoreTx tx) -> tx.insertDirectoryToken(a, "lobby", "hash-2", T0, T0.plusSeconds(3600)));
        assertThat(r((StoreTx tx) -> tx.directoryTokens(a))).containsExactly(
                new DirectoryToken(t1, a, "desk", T0, null, null),
                new DirectoryToken(t2, a, "lobby", T0, null, T0.plusSeconds(3600)));
        assertThat(r((StoreTx tx) -> tx.directoryTokens(b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.directoryTokenBySecretHash("hash-2")).map(DirectoryToken::id)).contains(t2);
        assertThat(r((StoreTx tx) -> tx.directoryTokenBySecretHash("hash-3"))).isEmpty();
        w((StoreTx tx) -> {
            tx.touchDirectoryToken(t1, T0.plusSeconds(90));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.directoryTokens(a)).get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(w((StoreTx tx) -> tx.deleteDirectoryToken(b, t1))).isFalse();
        assertThat(w((StoreTx tx) -> tx.deleteDirectoryToken(a, t1))).isTrue();
        assertThat(r((StoreTx tx) -> tx.directoryTokenBySecretHash("hash-1"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.directoryTokens(a))).extracting(DirectoryToken::id).containsExactly(t2);
    }

    @Test
    void appPasswordsBelongToTheirOwner() {
        long a = account("a");
        long b = account("b");
        long p1 = w((StoreTx tx) -> tx.insertAppPassword(a, "phone", "secret-1", T0));
        long p2 = w((StoreTx tx) -> tx.insertAppPassword(a, "laptop", "secret-2", T0.plusSeconds(1)));
        assertThat(r((StoreTx tx) -> tx.appPasswords(a))).containsExactly(new AppPassword(p1, a, "phone", T0, null),
                new AppPassword(p2, a, "laptop", T0.plusSeconds(1), null));
        assertThat(r((StoreTx tx) -> tx.appPasswords(b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.appPasswordBySecretHash("secret-2")).map(AppPassword::id)).contains(p2);
        assertThat(r((StoreTx tx) -> tx.appPasswordBySecretHash("nope"))).isEmpty();

        w((StoreTx tx) -> {
            tx.touchAppPassword(p1, T0.plusSeconds(60));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.appPasswords(a)).get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(60));

        assertThat(w((StoreTx tx) -> tx.deleteAppPassword(b, p1))).isFalse();
        assertThat(w((StoreTx tx) -> tx.deleteAppPassword(a, p1))).isTrue();
        assertThat(w((StoreTx tx) -> tx.deleteAppPassword(a, p1))).isFalse();
        assertThat(r((StoreTx tx) -> tx.appPasswords(a))).extracting(AppPassword::id).containsExactly(p2);
    }

    @Test
    void sessionsExpire() {
        long a = account("a");
        w((StoreTx tx) -> {
            tx.insertSession("token-hash", a, T0.plusSeconds(3600));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.sessionAccount("token-hash", T0))).contains(a);
        assertThat(r((StoreTx tx) -> tx.sessionAccount("token-hash", T0.plusSeconds(3600)))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.sessionAccount("other", T0))).isEmpty();
        w((StoreTx tx) -> {
            tx.deleteSession("token-hash");
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.sessionAccount("token-hash", T0))).isEmpty();
    }

    // ---- own cards --------------------------------------------------------------------------

    @Test
    void cardUpdatesAreCompareAndSwap() {
        long a = account("a");
        assertThat(w((StoreTx tx) -> tx.updateCard(a, "v2", "e2", "etag-a", T0.plusSeconds(1)))).isTrue();
        assertThat(w((StoreTx tx) -> tx.updateCard(a, "v3", "e3", "etag-a", T0.plusSeconds(2)))).isFalse(); // stale
        assertThat(r((StoreTx tx) -> tx.card(a))).contains(new StoredCard(a, "uid-a", "v2", "e2", T0.plusSeconds(1)));
        assertThat(w((StoreTx tx) -> tx.updateCard(a, "v4", "e4", null, T0.plusSeconds(3)))).isTrue(); // unconditional
        assertThat(r((StoreTx tx) -> tx.card(a)).map(StoredCard::etag)).contains("e4");
        assertThat(w((StoreTx tx) -> tx.updateCard(a + 1000, "v", "e", null, T0))).isFalse();
    }

    @Test
    void cardUidAndPhoneNumbers() {
        long a = account("a");
        long b = account("b");
        w((StoreTx tx) -> {
            tx.setCardUid(a, "inherited");
            tx.replacePhones(a, List.of("+8613800138000", "+8613800138000", "+441632960000"));
            tx.replacePhones(b, List.of("+8613800138000"));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.card(a)).map(StoredCard::uid)).contains("inherited");
        assertThat(r((StoreTx tx) -> tx.accountsWithPhone("+8613800138000"))).containsExactly(a, b);
        w((StoreTx tx) -> {
            tx.replacePhones(a, List.of("+441632960001"));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.accountsWithPhone("+8613800138000"))).containsExactly(b);
        assertThat(r((StoreTx tx) -> tx.accountsWithPhone("+441632960000"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.accountsWithPhone("+441632960001"))).containsExactly(a);
    }

    // ---- groups and memberships -----------------------------------------------------------

    @Test
    void groupsAreStoredEditedAndLocked() {
        long a = account("a");
        long b = account("b");
        long g = w((StoreTx tx) -> tx.insertGroup("Family", "desc", 20, false, a, T0));
        assertThat(r((StoreTx tx) -> tx.group(g))).contains(new Group(g, "Family", "desc", 20, false, a, T0));
        w((StoreTx tx) -> {
            tx.updateGroup(g, "Clan", "new", 30, true);
            tx.setGroupOwner(g, b);
            return null;
        });
        Group expected = new Group(g, "Clan", "new", 30, true, b, T0);
        assertThat(r((StoreTx tx) -> tx.group(g))).contains(expected);
        assertThat(w((StoreTx tx) -> tx.lockGroup(g))).contains(expected);
        assertThat(w((StoreTx tx) -> tx.lockGroup(g + 1000))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.group(g + 1000))).isEmpty();
    }

    @Test
    void membershipsStartEndAndRestart() {
        long a = account("a");
        long b = account("b");
        long c = account("c");
        long g = group(a);
        long joinedB = join(g, b);
        join(g, c);
        assertThat(r((StoreTx tx) -> tx.members(g))).extracting(Member::accountId).containsExactly(a, b, c);
        assertThat(r((StoreTx tx) -> tx.member(g, b))).contains(
                new Member(g, b, "b", "B", Role.MEMBER, "uid-b", joinedB, T0));
        assertThat(r((StoreTx tx) -> tx.memberCount(g))).isEqualTo(3);

        w((StoreTx tx) -> {
            tx.setRole(g, b, Role.OWNER);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.member(g, b)).map(Member::role)).contains(Role.OWNER);

        long leftAt = w(StoreTx::nextSeq);
        assertThat(w((StoreTx tx) -> tx.endMembership(g, b, leftAt, T0))).isTrue();
        assertThat(w((StoreTx tx) -> tx.endMembership(g, b, leftAt, T0))).isFalse();
        assertThat(r((StoreTx tx) -> tx.member(g, b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.members(g))).extracting(Member::accountId).containsExactly(a, c);
        assertThat(r((StoreTx tx) -> tx.memberCount(g))).isEqualTo(2);
        assertThat(r((StoreTx tx) -> tx.groupsOf(b))).isEmpty();

        long rejoined = join(g, b); // a new membership period, joined last
        assertThat(r((StoreTx tx) -> tx.members(g))).extracting(Member::accountId).containsExactly(a, c, b);
        assertThat(r((StoreTx tx) -> tx.member(g, b)).map(Member::joinedSeq)).contains(rejoined);
        assertThat(r((StoreTx tx) -> tx.member(g, b)).map(Member::role)).contains(Role.MEMBER);
    }

    @Test
    void aSecondActiveMembershipIsAStoreErrorAndRollsBack() {
        long a = account("a");
        long g = group(a);
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.insertBlock(a, a, T0);
            tx.insertMembership(g, a, Role.MEMBER, null, 0, T0);
            return null;
        })).isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(r((StoreTx tx) -> tx.blocksBy(a))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.memberCount(g))).isEqualTo(1);
    }

    @Test
    void groupsOfAndSharedGroupsListActiveMembershipsOnly() {
        long a = account("a");
        long b = account("b");
        long g1 = group(a);
        long g2 = group(b);
        long g3 = group(a);
        join(g2, a);
        join(g3, b);
        assertThat(r((StoreTx tx) -> tx.groupsOf(a))).extracting(Group::id).containsExactly(g1, g2, g3);
        assertThat(r((StoreTx tx) -> tx.sharedGroups(a, b))).containsExactly(g2, g3);
        assertThat(r((StoreTx tx) -> tx.sharedGroups(b, a))).containsExactly(g2, g3);
        long seq = w(StoreTx::nextSeq);
        w((StoreTx tx) -> tx.endMembership(g2, a, seq, T0));
        assertThat(r((StoreTx tx) -> tx.groupsOf(a))).extracting(Group::id).containsExactly(g1, g3);
        assertThat(r((StoreTx tx) -> tx.sharedGroups(a, b))).containsExactly(g3);
    }

    @Test
    void aDeletedGroupIsInvisibleEverywhere() {
        long a = account("a");
        long b = account("b");
        long g = group(a);
        join(g, b);
        long entry = w((StoreTx tx) -> tx.insertEntry(g, "entry-uid", "vcard-e", "etag-e", T0));
        long inv = w((StoreTx tx) -> tx.insertInvitation(g, a, b, null, null, null, null, T0));
        long seq = w(StoreTx::nextSeq);
        w((StoreTx tx) -> {
            tx.deleteGroup(g, seq, T0);
            return null;
        });
        r((StoreTx tx) -> {
            assertThat(tx.group(g)).isEmpty();
            assertThat(tx.groupsOf(a)).isEmpty();
            assertThat(tx.groupsOf(b)).isEmpty();
            assertThat(tx.member(g, a)).isEmpty();
            assertThat(tx.members(g)).isEmpty();
            assertThat(tx.memberCount(g)).isZero();
            assertThat(tx.sharedGroups(a, b)).isEmpty();
            assertThat(tx.groupCards(g)).isEmpty();
            assertThat(tx.groupCard(g, "uid-a")).isEmpty();
            assertThat(tx.groupCard(g, "entry-uid")).isEmpty();
            assertThat(tx.entry(g, entry)).isEmpty();
            assertThat(tx.entries(g)).isEmpty();
            assertThat(tx.pendingInvitationsOfGroup(g)).isEmpty();
            assertThat(tx.pendingInvitationsFor(b)).isEmpty();
            assertThat(tx.invitation(inv)).isPresent(); // the services answer "the group no longer exists"
            return null;
        });
        assertThat(w((StoreTx tx) -> tx.lockGroup(g))).isEmpty();
    }

    // ---- phonebooks -------------------------------------------------------------------------

    @Test
    void aMemberIsShownUnderAnInheritedUidWhereItHasOne() {
        long a = account("a");
        long b = account("b");
        long g1 = group(a);
        long g2 = group(a);
        join(g1, b, "entry-uid-of-b");
        join(g2, b);
        long e = w((StoreTx tx) -> tx.insertEntry(g1, "typed-in", "vcard-t", "etag-t", T0));

        assertThat(r((StoreTx tx) -> tx.member(g1, b)).map(Member::cardUid)).contains("entry-uid-of-b");
        assertThat(r((StoreTx tx) -> tx.member(g2, b)).map(Member::cardUid)).contains("uid-b");
        assertThat(r((StoreTx tx) -> tx.groupCards(g1))).containsExactly(
                new GroupCard(g1, "uid-a", a, "a", "A", null, "vcard-a", "etag-a", "uid-a"),
                new GroupCard(g1, "entry-uid-of-b", b, "b", "B", null, "vcard-b", "etag-b", "uid-b"),
                new GroupCard(g1, "typed-in", null, null, null, e, "vcard-t", "etag-t", null));
        assertThat(r((StoreTx tx) -> tx.groupCard(g1, "entry-uid-of-b")).map(GroupCard::accountId)).contains(b);
        assertThat(r((StoreTx tx) -> tx.groupCard(g1, "entry-uid-of-b")).map(c -> c.underOwnUid().uid()))
                .contains("uid-b");
        assertThat(r((StoreTx tx) -> tx.groupCard(g1, "uid-b"))).isEmpty(); // not shown under its own UID there
        assertThat(r((StoreTx tx) -> tx.groupCard(g2, "uid-b")).map(GroupCard::accountId)).contains(b);
        assertThat(r((StoreTx tx) -> tx.groupCard(g2, "entry-uid-of-b"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.groupCard(g1, "typed-in"))).contains(
                new GroupCard(g1, "typed-in", null, null, null, e, "vcard-t", "etag-t", null));
        assertThat(r((StoreTx tx) -> tx.groupCard(g1, "typed-in")).orElseThrow().managed()).isTrue();
        assertThat(r((StoreTx tx) -> tx.groupCard(g2, "typed-in"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.groupCard(g1, "nobody"))).isEmpty();

        long seq = w(StoreTx::nextSeq);
        w((StoreTx tx) -> tx.endMembership(g1, b, seq, T0));
        assertThat(r((StoreTx tx) -> tx.groupCard(g1, "entry-uid-of-b"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.groupCards(g1)))
                .extracting(GroupCard::uid).containsExactly("uid-a", "typed-in");
    }

    @Test
    void groupCardsListMembersInJoinOrderThenEntries() {
        long a = account("a");
        long b = account("b");
        long c = account("c");
        long g = group(a);
        long e1 = w((StoreTx tx) -> tx.insertEntry(g, "e1", "v", "t", T0));
        join(g, c);
        long e2 = w((StoreTx tx) -> tx.insertEntry(g, "e2", "v", "t", T0));
        join(g, b);
        assertThat(r((StoreTx tx) -> tx.groupCards(g))).extracting(GroupCard::uid)
                .containsExactly("uid-a", "uid-c", "uid-b", "e1", "e2");
        assertThat(r((StoreTx tx) -> tx.groupCards(g))).extracting(GroupCard::entryId)
                .containsExactly(null, null, null, e1, e2);
    }

    // ---- managed entries --------------------------------------------------------------------

    @Test
    void managedEntriesAreEditedTiedAndDeletedSoftly() {
        long a = account("a");
        long g = group(a);
        long other = group(a);
        long e = w((StoreTx tx) -> tx.insertEntry(g, "uid-1", "v1", "t1", T0));
        assertThat(r((StoreTx tx) -> tx.entry(g, e))).contains(new ManagedEntry(e, g, "uid-1", "v1", "t1", null, T0));
        assertThat(r((StoreTx tx) -> tx.entry(other, e))).isEmpty();

        long inv = w((StoreTx tx) -> tx.insertInvitation(g, a, null, "code-1", 1, null, e, T0));
        w((StoreTx tx) -> {
            tx.updateEntry(g, e, "v2", "t2");
            tx.setEntryInvitation(e, inv);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entries(g)))
                .containsExactly(new ManagedEntry(e, g, "uid-1", "v2", "t2", inv, T0));
        w((StoreTx tx) -> {
            tx.setEntryInvitation(e, null);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entry(g, e)).map(ManagedEntry::invitationId)).isEmpty();
        assertThat(r((StoreTx tx) -> tx.entry(g, e))).isPresent();

        // a UID is unique among the group's live entries only
        assertThatThrownBy(() -> w((StoreTx tx) -> tx.insertEntry(g, "uid-1", "v", "t", T0)))
                .isInstanceOf(StoreException.class);
        long elsewhere = w((StoreTx tx) -> tx.insertEntry(other, "uid-1", "v", "t", T0));
        w((StoreTx tx) -> {
            tx.deleteEntry(g, e);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entry(g, e))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.entries(g))).isEmpty();
        long again = w((StoreTx tx) -> tx.insertEntry(g, "uid-1", "v3", "t3", T0));
        assertThat(r((StoreTx tx) -> tx.entries(g))).extracting(ManagedEntry::id).containsExactly(again);
        assertThat(r((StoreTx tx) -> tx.entries(other))).extracting(ManagedEntry::id).containsExactly(elsewhere);
        w((StoreTx tx) -> {
            tx.updateEntry(g, e, "ghost", "ghost"); // a deleted entry stays deleted
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entries(g))).extracting(ManagedEntry::vcard).containsExactly("v3");
    }

    // ---- invitations ------------------------------------------------------------------------

    @Test
    void invitationsByUsernameAndByLink() {
        long a = account("a");
        long b = account("b");
        long g = group(a);
        Instant expires = T0.plus(Duration.ofDays(2));
        long toB = w((StoreTx tx) -> tx.insertInvitation(g, a, b, null, null, null, null, T0));
        long link = w((StoreTx tx) -> tx.insertInvitation(g, a, null, "c0de", 5, expires, null, T0));

        assertThat(r((StoreTx tx) -> tx.invitation(toB))).contains(
                new Invitation(toB, g, a, b, null, null, 0, null, null, InvitationStatus.PENDING, T0));
        assertThat(r((StoreTx tx) -> tx.invitationByCode("c0de"))).contains(
                new Invitation(link, g, a, null, "c0de", 5, 0, expires, null, InvitationStatus.PENDING, T0));
        assertThat(r((StoreTx tx) -> tx.invitationByCode("C0DE"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.invitation(link + 1000))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.pendingInvitationsOfGroup(g)))
                .extracting(Invitation::id).containsExactly(toB, link);
        assertThat(r((StoreTx tx) -> tx.pendingInvitationsFor(b))).extracting(Invitation::id).containsExactly(toB);

        w((StoreTx tx) -> {
            tx.useInvitation(link);
            tx.useInvitation(link);
            tx.setInvitationStatus(toB, InvitationStatus.DECLINED);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.invitationByCode("c0de")).map(Invitation::uses)).contains(2);
        assertThat(r((StoreTx tx) -> tx.invitation(toB)).map(Invitation::status)).contains(InvitationStatus.DECLINED);
        assertThat(r((StoreTx tx) -> tx.pendingInvitationsFor(b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.pendingInvitationsOfGroup(g))).extracting(Invitation::id).containsExactly(link);
    }

    // ---- blocks -----------------------------------------------------------------------------

    @Test
    void blocksAreSetOnce() {
        long a = account("a");
        long b = account("b");
        long c = account("c");
        assertThat(w((StoreTx tx) -> tx.insertBlock(a, b, T0))).isTrue();
        assertThat(w((StoreTx tx) -> tx.insertBlock(a, b, T0.plusSeconds(5)))).isFalse();
        assertThat(w((StoreTx tx) -> tx.insertBlock(c, b, T0.plusSeconds(1)))).isTrue();
        assertThat(w((StoreTx tx) -> tx.insertBlock(a, c, T0.plusSeconds(2)))).isTrue();
        assertThat(r((StoreTx tx) -> tx.blocksBy(a)))
                .containsExactly(new Block(a, b, T0), new Block(a, c, T0.plusSeconds(2)));
        assertThat(r((StoreTx tx) -> tx.blockersOf(b))).containsExactlyInAnyOrder(a, c);
        assertThat(r((StoreTx tx) -> tx.blockersOf(a))).isEmpty();
        assertThat(w((StoreTx tx) -> tx.deleteBlock(a, b))).isTrue();
        assertThat(w((StoreTx tx) -> tx.deleteBlock(a, b))).isFalse();
        assertThat(r((StoreTx tx) -> tx.blockersOf(b))).containsExactly(c);
    }

    // ---- change feed ------------------------------------------------------------------------

    /** Rows of group g as the viewer v sees them, hiding subject b. */
    record FeedFixture(long v, long a, long b, long c, long g, long h) {}

    FeedFixture feedFixture() {
        long v = account("v");
        long a = account("a");
        long b = account("b");
        long c = account("c");
        long g = group(v);          // seq 1
        long h = group(v);          // seq 2
        join(g, a);                 // seq 3
        join(g, b);                 // seq 4
        w((StoreTx tx) -> {
            long s = tx.nextSeq();  // seq 5: a card change of a, seen by all
            tx.appendGroupChange(s, g, a, "uid-a", ChangeKind.CARD);
            return s;
        });
        groupRow(g, b, "uid-b");    // seq 6: hidden from v
        w((StoreTx tx) -> {
            long s = tx.nextSeq();  // seq 7: several rows at one position
            tx.appendViewerChange(s, v, g, "uid-b", ChangeKind.CARD);
            tx.appendViewerChange(s, c, g, "uid-x", ChangeKind.CARD); // someone else's
            tx.appendGroupChange(s, g, null, null, ChangeKind.GROUP);
            return s;
        });
        groupRow(h, a, "uid-a");    // seq 8: another group
        groupRow(g, a, "uid-a");    // seq 9
        return new FeedFixture(v, a, b, c, g, h);
    }

    @Test
    void groupFeedShowsGroupRowsNotHiddenPlusTheViewersOwnRows() {
        FeedFixture f = feedFixture();
        List<ChangeRow> rows = r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), 0, 100));
        assertThat(rows).containsExactly(
                new ChangeRow(5, f.g(), null, f.a(), "uid-a", ChangeKind.CARD),
                new ChangeRow(7, f.g(), f.v(), null, "uid-b", ChangeKind.CARD),
                new ChangeRow(7, f.g(), null, null, null, ChangeKind.GROUP),
                new ChangeRow(9, f.g(), null, f.a(), "uid-a", ChangeKind.CARD));
        assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(), 0, 100))))
                .containsExactly(5L, 6L, 7L, 7L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(f.g(), f.c(), Set.of(), 0, 100))))
                .containsExactly(5L, 6L, 7L, 7L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), 5, 100))))
                .containsExactly(7L, 7L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), 7, 100)))).containsExactly(9L);
        assertThat(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), 9, 100))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), 0, 2)))
                .containsExactly(rows.get(0), rows.get(1));
        assertThat(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), 0, 0))).isEmpty();
        assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(f.h(), f.v(), Set.of(f.b()), 0, 100)))).containsExactly(8L);
    }

    @Test
    void largeHiddenSetsGiveTheSameFeedAsSmallOnes() {
        FeedFixture f = feedFixture();
        Set<Long> many = new HashSet<>();
        LongStream.range(1_000_000, 1_000_000 + FeedQuery.MAX_BOUND_HIDDEN + 100).forEach(many::add);
        many.add(f.b());
        for (int limit : new int[] {1, 2, 3, 100}) {
            for (long after : new long[] {0, 5, 6, 7}) {
                assertThat(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), many, after, limit)))
                        .isEqualTo(r((StoreTx tx) -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), after, limit)));
                assertThat(r((StoreTx tx) -> tx.viewerFeed(f.v(), many, after, limit)))
                        .isEqualTo(r((StoreTx tx) -> tx.viewerFeed(f.v(), Set.of(f.b()), after, limit)));
            }
        }
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.c(), many))).isEqualTo(9);
        groupRow(f.g(), f.b(), "uid-b"); // seq 10, hidden
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.c(), many))).isEqualTo(9);
        Set<Long> hideA = new HashSet<>(many);
        hideA.add(f.a());
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.c(), hideA))).isEqualTo(7);
    }

    @Test
    void manyHiddenRowsInARowAreSkippedPageByPage() {
        long v = account("v");
        long b = account("b");
        long g = group(v);
        join(g, b);
        Set<Long> many = new HashSet<>(Set.of(b));
        LongStream.range(1_000_000, 1_000_000 + FeedQuery.MAX_BOUND_HIDDEN + 1).forEach(many::add);
        long first = groupRow(g, v, "uid-v");
        w((StoreTx tx) -> {
            for (int i = 0; i < 700; i++) { // more than one Java-side batch of hidden rows
                tx.appendGroupChange(tx.nextSeq(), g, b, "uid-b", ChangeKind.CARD);
            }
            return null;
        });
        long last = groupRow(g, v, "uid-v");
        assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(g, v, many, 0, 10)))).containsExactly(first, last);
        assertThat(seqs(r((StoreTx tx) -> tx.groupFeed(g, v, Set.of(b), 0, 10)))).containsExactly(first, last);
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(g, v, many))).isEqualTo(last);
        w((StoreTx tx) -> {
            for (int i = 0; i < 700; i++) {
                tx.appendGroupChange(tx.nextSeq(), g, b, "uid-b", ChangeKind.CARD);
            }
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(g, v, many))).isEqualTo(last);
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(g, v, Set.of(b)))).isEqualTo(last);
    }

    @Test
    void groupFeedHeadIsTheNewestRowTheViewerMaySee() {
        FeedFixture f = feedFixture();
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.v(), Set.of(f.b())))).isEqualTo(9);
        long hidden = groupRow(f.g(), f.b(), "uid-b");
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.v(), Set.of(f.b())))).isEqualTo(9);
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.v(), Set.of()))).isEqualTo(hidden);
        long own = w((StoreTx tx) -> {
            long s = tx.nextSeq();
            tx.appendViewerChange(s, f.v(), f.g(), "uid-b", ChangeKind.CARD);
            return s;
        });
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.v(), Set.of(f.b())))).isEqualTo(own);
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.g(), f.c(), Set.of(f.b())))).isEqualTo(9); // not c's row
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(f.h(), f.v(), Set.of()))).isEqualTo(8);
        long empty = group(f.v());
        assertThat(r((StoreTx tx) -> tx.groupFeedHead(empty, f.v(), Set.of()))).isZero();
    }

    @Test
    void viewerFeedCoversCurrentGroupsAndTheViewersOwnRows() {
        FeedFixture f = feedFixture();
        assertThat(r((StoreTx tx) -> tx.viewerFeed(f.v(), Set.of(f.b()), 0, 100))).containsExactly(
                new ChangeRow(5, f.g(), null, f.a(), "uid-a", ChangeKind.CARD),
                new ChangeRow(7, f.g(), f.v(), null, "uid-b", ChangeKind.CARD),
                new ChangeRow(7, f.g(), null, null, null, ChangeKind.GROUP),
                new ChangeRow(8, f.h(), null, f.a(), "uid-a", ChangeKind.CARD),
                new ChangeRow(9, f.g(), null, f.a(), "uid-a", ChangeKind.CARD));
        assertThat(seqs(r((StoreTx tx) -> tx.viewerFeed(f.v(), Set.of(f.b()), 7, 2)))).containsExactly(8L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.viewerFeed(f.v(), Set.of(f.b()), 0, 3)))).containsExactly(5L, 7L, 7L);
        // c is in no group: only the row addressed to c
        assertThat(r((StoreTx tx) -> tx.viewerFeed(f.c(), Set.of(), 0, 100)))
                .containsExactly(new ChangeRow(7, f.g(), f.c(), null, "uid-x", ChangeKind.CARD));

        // v leaves h: h's later rows are not v's, the row telling v so is
        long left = w((StoreTx tx) -> {
            long s = tx.nextSeq();
            tx.endMembership(f.h(), f.v(), s, T0);
            tx.appendViewerChange(s, f.v(), f.h(), null, ChangeKind.LEFT);
            return s;
        });
        groupRow(f.h(), f.a(), "uid-a");
        assertThat(r((StoreTx tx) -> tx.viewerFeed(f.v(), Set.of(f.b()), 9, 100)))
                .containsExactly(new ChangeRow(left, f.h(), f.v(), null, null, ChangeKind.LEFT));
        // and once out of h, its old rows are no longer v's either: only current groups count
        assertThat(seqs(r((StoreTx tx) -> tx.viewerFeed(f.v(), Set.of(f.b()), 0, 100))))
                .containsExactly(5L, 7L, 7L, 9L, left);
    }

    @Test
    void viewerFeedMergesManyGroupsInOrder() {
        long v = account("v");
        long a = account("a");
        int groups = 150; // more than one statement's worth of branches
        List<Long> ids = w((StoreTx tx) -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < groups; i++) {
                long g = tx.insertGroup("g" + i, "", 10, true, v, T0);
                tx.insertMembership(g, v, Role.OWNER, null, tx.nextSeq(), T0);
                out.add(g);
            }
            return out;
        });
        List<Long> expected = new ArrayList<>();
        w((StoreTx tx) -> {
            for (int round = 0; round < 3; round++) {
                for (int i = groups - 1; i >= 0; i -= 7) {
                    long s = tx.nextSeq();
                    tx.appendGroupChange(s, ids.get(i), a, "uid-a", ChangeKind.CARD);
                    expected.add(s);
                }
            }
            return null;
        });
        assertThat(seqs(r((StoreTx tx) -> tx.viewerFeed(v, Set.of(), 0, 1000)))).isEqualTo(expected);
        assertThat(seqs(r((StoreTx tx) -> tx.viewerFeed(v, Set.of(), expected.get(10), 5))))
                .isEqualTo(expected.subList(11, 16));
        assertThat(r((StoreTx tx) -> tx.viewerFeed(v, Set.of(a), 0, 1000))).isEmpty();
    }

    @Test
    void feedReadsAreIndexRanges() {
        FeedFixture f = feedFixture();
        Set<Long> many = new HashSet<>(Set.of(f.b()));
        LongStream.range(1_000_000, 1_000_000 + FeedQuery.MAX_BOUND_HIDDEN + 1).forEach(many::add);
        List<Function<StoreTx, ?>> reads = List.of(
                tx -> tx.groupFeed(f.g(), f.v(), Set.of(), 0, 10),
                tx -> tx.groupFeed(f.g(), f.v(), Set.of(f.b()), 3, 10),
                tx -> tx.groupFeed(f.g(), f.v(), many, 3, 10),
                tx -> tx.groupFeedHead(f.g(), f.v(), Set.of(f.b())),
                tx -> tx.groupFeedHead(f.g(), f.v(), many),
                tx -> tx.viewerFeed(f.v(), Set.of(f.b()), 0, 10),
                tx -> tx.viewerFeed(f.c(), Set.of(), 0, 10));
        for (Function<StoreTx, ?> read : reads) {
            List<String> plan = r((StoreTx tx) -> {
                read.apply(tx);
                Sql sql = ((JdbcTx) tx).sql();
                return plan(sql, sql.lastStatement(), sql.lastParams());
            });
            assertThat(plan).as("plan").isNotEmpty().noneMatch(line -> scans(line, "changes"));
        }
    }

    // ---- personal books ---------------------------------------------------------------------

    long book(long owner, String slug) {
        return w((StoreTx tx) -> tx.insertPersonalBook(owner, slug, "Book " + slug, "", tx.nextSeq(), T0)
                .orElseThrow());
    }

    /** Writes a card at a new position with the given store call; returns the card as written. */
    PersonalCard cardWrite(String name, String uid, String text, java.util.function.BiPredicate<StoreTx, PersonalCard> write,
                           boolean expectWritten) {
        return w((StoreTx tx) -> {
            PersonalCard card = new PersonalCard(name, uid, text, "etag-" + text, tx.nextSeq());
            assertThat(write.test(tx, card)).as("written").isEqualTo(expectWritten);
            return card;
        });
    }

    long personalRows(String table) {
        return r((StoreTx tx) -> ((JdbcTx) tx).sql().number("SELECT COUNT(*) FROM " + table));
    }

    @Test
    void personalBooksBelongToTheirOwnerBySlug() {
        long a = account("a");
        long b = account("b");
        long seq = w(StoreTx::nextSeq);
        long work = w((StoreTx tx) -> tx.insertPersonalBook(a, "work", "Work", "desk", seq + 1, T0).orElseThrow());
        long home = book(a, "home");
        assertThat(w((StoreTx tx) -> tx.insertPersonalBook(a, "work", "Again", "", tx.nextSeq(), T0))).isEmpty();
        long bWork = book(b, "work"); // the same slug for someone else is another book
        assertThat(r((StoreTx tx) -> tx.personalBook(a, "work")))
                .contains(new StoredBook(work, a, "work", "Work", "desk", seq + 1, seq + 1, T0));
        assertThat(r((StoreTx tx) -> tx.personalBooks(a))).extracting(StoredBook::id).containsExactly(work, home);
        assertThat(r((StoreTx tx) -> tx.personalBooks(b))).extracting(StoredBook::id).containsExactly(bWork);
        assertThat(r((StoreTx tx) -> tx.personalBookCount(a))).isEqualTo(2);
        assertThat(r((StoreTx tx) -> tx.personalBook(a, "Work"))).isEmpty(); // slugs are exact
        assertThat(r((StoreTx tx) -> tx.personalBook(b, "home"))).isEmpty();

        w((StoreTx tx) -> {
            tx.updatePersonalBook(work, "Office", "");
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.personalBook(a, "work")).map(StoredBook::displayName)).contains("Office");
        assertThat(r((StoreTx tx) -> tx.personalBook(b, "work")).map(StoredBook::displayName)).contains("Book work");
    }

    @Test
    void personalCardWritesAreCompareAndSwapAndLeaveTombstones() {
        long a = account("a");
        long bk = book(a, "contacts");
        PersonalCard v1 = cardWrite("Ann Lee.vcf", "u1", "v1", (tx, c) -> tx.insertPersonalCard(bk, c), true);
        cardWrite("Ann Lee.vcf", "u1", "dup", (tx, c) -> tx.insertPersonalCard(bk, c), false); // exists
        cardWrite("Ann Lee.vcf", "u1", "stale", (tx, c) -> tx.replacePersonalCard(bk, c, "etag-old"), false);
        cardWrite("nobody.vcf", "u9", "x", (tx, c) -> tx.replacePersonalCard(bk, c, null), false);
        assertThat(r((StoreTx tx) -> tx.personalCard(bk, "Ann Lee.vcf"))).contains(v1);
        assertThat(r((StoreTx tx) -> tx.personalCard(bk, "nobody.vcf"))).isEmpty();

        PersonalCard v2 = cardWrite("Ann Lee.vcf", "u1b", "v2", (tx, c) -> tx.replacePersonalCard(bk, c, "etag-v1"),
                true);
        PersonalCard other = cardWrite("陈.vcf", "u2", "o1", (tx, c) -> {
            tx.putPersonalCard(bk, c);
            return true;
        }, true);
        assertThat(r((StoreTx tx) -> tx.personalCards(bk))).containsExactly(v2, other);
        assertThat(r((StoreTx tx) -> tx.personalCardByUid(bk, "u1b"))).contains(v2);
        assertThat(r((StoreTx tx) -> tx.personalCardByUid(bk, "u1"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.personalCards(bk, List.of("陈.vcf", "missing", "Ann Lee.vcf", "陈.vcf"))))
                .containsExactlyInAnyOrder(v2, other);

        long stale = w(StoreTx::nextSeq);
        assertThat(w((StoreTx tx) -> tx.deletePersonalCard(bk, "Ann Lee.vcf", stale, "etag-v1"))).isFalse();
        long gone = w((StoreTx tx) -> {
            long s = tx.nextSeq();
            assertThat(tx.deletePersonalCard(bk, "Ann Lee.vcf", s, "etag-v2")).isTrue();
            return s;
        });
        assertThat(w((StoreTx tx) -> tx.deletePersonalCard(bk, "Ann Lee.vcf", tx.nextSeq(), null))).isFalse();
        assertThat(r((StoreTx tx) -> tx.personalCard(bk, "Ann Lee.vcf"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.personalCards(bk))).containsExactly(other);
        assertThat(r((StoreTx tx) -> tx.personalBook(a, "contacts")).map(StoredBook::headSeq)).contains(gone);
        // the tombstone is reported by the change query, after the live card written before it
        assertThat(r((StoreTx tx) -> tx.personalCardChanges(bk, 0, true, 10))).containsExactly(
                new PersonalCardRow(other, false),
                new PersonalCardRow(new PersonalCard("Ann Lee.vcf", "u1b", "", "", gone), true));
        assertThat(r((StoreTx tx) -> tx.personalCardChanges(bk, 0, false, 10)))
                .containsExactly(new PersonalCardRow(other, false));
        assertThat(r((StoreTx tx) -> tx.personalCardChanges(bk, other.seq(), true, 10))).hasSize(1);
        assertThat(r((StoreTx tx) -> tx.personalCardChanges(bk, 0, true, 1))).hasSize(1);

        // a tombstone's UID is free again, and a write to its name revives the row
        PersonalCard reused = cardWrite("new.vcf", "u1b", "n1", (tx, c) -> tx.insertPersonalCard(bk, c), true);
        PersonalCard revived = cardWrite("Ann Lee.vcf", "u3", "v3", (tx, c) -> tx.insertPersonalCard(bk, c), true);
        assertThat(r((StoreTx tx) -> tx.personalCards(bk))).containsExactly(other, reused, revived);
        assertThat(personalRows("personal_cards")).isEqualTo(3);
        assertThat(r((StoreTx tx) -> tx.personalBook(a, "contacts")).map(StoredBook::headSeq)).contains(revived.seq());
    }

    @Test
    void twoLiveCardsOfABookNeverShareAUid() {
        long a = account("a");
        long first = book(a, "first");
        long second = book(a, "second");
        cardWrite("a.vcf", "same", "1", (tx, c) -> tx.insertPersonalCard(first, c), true);
        cardWrite("a.vcf", "same", "2", (tx, c) -> tx.insertPersonalCard(second, c), true); // another book: fine
        assertThatThrownBy(() -> cardWrite("b.vcf", "same", "3", (tx, c) -> tx.insertPersonalCard(first, c), true))
                .isInstanceOf(StoreException.class);
        assertThat(r((StoreTx tx) -> tx.personalCards(first))).extracting(PersonalCard::name).containsExactly("a.vcf");
    }

    @Test
    void deletingBooksLeavesNoRowsBehind() {
        long a = account("a");
        long b = account("b");
        long work = book(a, "work");
        long home = book(a, "home");
        long bBook = book(b, "contacts");
        for (long bk : List.of(work, home, bBook)) {
            cardWrite("x.vcf", "x", "x" + bk, (tx, c) -> tx.insertPersonalCard(bk, c), true);
            cardWrite("y.vcf", "y", "y" + bk, (tx, c) -> tx.insertPersonalCard(bk, c), true);
            w((StoreTx tx) -> tx.deletePersonalCard(bk, "y.vcf", tx.nextSeq(), null)); // a tombstone too
        }
        w((StoreTx tx) -> {
            tx.deletePersonalBook(work);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.personalBooks(a))).extracting(StoredBook::id).containsExactly(home);
        assertThat(personalRows("personal_cards")).isEqualTo(4);
        w((StoreTx tx) -> {
            tx.deletePersonalBooksOf(a);
            return null;
        });
        assertThat(personalRows("personal_books")).isEqualTo(1);
        assertThat(personalRows("personal_cards")).isEqualTo(2);
        assertThat(r((StoreTx tx) -> tx.personalCards(bBook))).extracting(PersonalCard::name).containsExactly("x.vcf");
    }

    @Test
    void personalBookReadsAreIndexRanges() {
        long a = account("a");
        long bk = book(a, "contacts");
        book(a, "other");
        for (int i = 0; i < 20; i++) {
            String name = "c" + i + ".vcf";
            cardWrite(name, "u" + i, "t" + i, (tx, c) -> tx.insertPersonalCard(bk, c), true);
        }
        w((StoreTx tx) -> tx.deletePersonalCard(bk, "c3.vcf", tx.nextSeq(), null));
        // sync reads walk (book_id, seq); the book's token is the top of the same index
        List<Function<StoreTx, ?>> syncReads = List.of(
                tx -> tx.personalCardChanges(bk, 5, true, 10),
                tx -> tx.personalCardChanges(bk, 0, false, 10),
                tx -> tx.personalBook(a, "contacts"),
                tx -> tx.personalBooks(a));
        List<Function<StoreTx, ?>> otherReads = List.of(
                tx -> tx.personalCard(bk, "c1.vcf"),
                tx -> tx.personalCardByUid(bk, "u2"),
                tx -> tx.personalCards(bk, List.of("c1.vcf", "c2.vcf")),
                tx -> tx.personalCards(bk));
        for (Function<StoreTx, ?> read : syncReads) {
            List<String> plan = planOf(read);
            assertThat(plan).as("plan").noneMatch(line -> scans(line, "personal_cards") || scans(line, "personal_books"))
                    .anyMatch(line -> line.contains("personal_cards_seq"));
        }
        for (Function<StoreTx, ?> read : otherReads) {
            assertThat(planOf(read)).as("plan").isNotEmpty().noneMatch(line -> scans(line, "personal_cards"));
        }
    }

    private List<String> planOf(Function<StoreTx, ?> read) {
        return r((StoreTx tx) -> {
            read.apply(tx);
            Sql sql = ((JdbcTx) tx).sql();
            return plan(sql, sql.lastStatement(), sql.lastParams());
        });
    }

    // ---- transactions -----------------------------------------------------------------------

    @Test
    void aThrowingCallbackLeavesNothingBehind() {
        long a = account("a");
        long g = group(a);
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            long s = tx.nextSeq();
            long b = tx.insertAccount("b", "B", "h", "CN", "uid-b", "v", "e", T0).orElseThrow();
            tx.insertMembership(g, b, Role.MEMBER, null, s, T0);
            tx.updateCard(a, "changed", "changed", null, T0);
            tx.appendGroupChange(s, g, b, "uid-b", ChangeKind.CARD);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        r((StoreTx tx) -> {
            assertThat(tx.accountByUsername("b")).isEmpty();
            assertThat(tx.memberCount(g)).isEqualTo(1);
            assertThat(tx.card(a).orElseThrow().vcard()).isEqualTo("vcard-a");
            assertThat(tx.currentSeq()).isEqualTo(1);
            assertThat(tx.groupFeed(g, a, Set.of(), 0, 10)).isEmpty();
            return null;
        });
        assertThat(account("b")).isPositive(); // the store is still usable
    }

    @Test
    void driverErrorsBecomeStoreErrorsAndDoomTheTransaction() {
        long a = account("a");
        w((StoreTx tx) -> {
            tx.insertSession("same", a, T0);
            return null;
        });
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.insertBlock(a, a, T0);
            tx.insertSession("same", a, T0);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("INSERT INTO sessions");
        // a failure the callback swallows still rolls the whole transaction back
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.insertBlock(a, a, T0);
            try {
                tx.insertSession("same", a, T0);
            } catch (StoreException ignored) {
                // carrying on would commit half a mutation
            }
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("rolled back");
        assertThat(r((StoreTx tx) -> tx.blocksBy(a))).isEmpty();
        assertThat(w((StoreTx tx) -> tx.insertBlock(a, a, T0))).isTrue();
    }

    @Test
    void readTransactionsCannotWrite() {
        long a = account("a");
        assertThatThrownBy(() -> r((StoreTx tx) -> tx.insertGroup("g", "", 5, true, a, T0)))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> r(StoreTx::nextSeq)).isInstanceOf(StoreException.class);
        assertThat(r((StoreTx tx) -> tx.groupsOf(a))).isEmpty();
        assertThat(r(StoreTx::currentSeq)).isZero();
    }

    @Test
    void aWriteInsideAWriteIsRefused() {
        assertThatThrownBy(() -> w((StoreTx tx) -> w(inner -> inner.nextSeq())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w(StoreTx::nextSeq)).isEqualTo(1);
    }

    @Test
    void readersSeeOneSnapshotAndAreNotBlockedByAnOpenWrite() throws Exception {
        long a = account("a");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> writer = pool.submit(() -> w((StoreTx tx) -> {
                long s = tx.nextSeq();
                tx.insertAccount("slow", "S", "h", "CN", "uid-slow", "v", "e", T0);
                writing.countDown();
                await(release);
                return s;
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            // the write is open and holds the clock: reads still run and see the last commit
            assertThat(r((StoreTx tx) -> tx.accountByUsername("slow"))).isEmpty();
            assertThat(r(StoreTx::currentSeq)).isZero();
            List<Long> snapshot = r((StoreTx tx) -> {
                long before = tx.currentSeq();
                release.countDown();
                await(writerDone(writer));
                return List.of(before, tx.currentSeq(), tx.accountByUsername("slow").isPresent() ? 1L : 0L);
            });
            assertThat(snapshot).containsExactly(0L, 0L, 0L);
            assertThat(writer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(r((StoreTx tx) -> tx.accountByUsername("slow"))).isPresent();
            assertThat(r((StoreTx tx) -> tx.account(a))).isPresent();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void lockGroupSerialisesCheckThenInsert() throws Exception {
        long owner = account("owner");
        int limit = 3;
        long g = group(owner, limit);
        List<Long> joiners = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            joiners.add(account("j" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(joiners.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (long joiner : joiners) {
                results.add(pool.submit(() -> {
                    await(start);
                    // no nextSeq here: the group lock alone must keep the limit
                    return w((StoreTx tx) -> {
                        Group locked = tx.lockGroup(g).orElseThrow();
                        int count = tx.memberCount(g);
                        sleepMillis(20);
                        if (count >= locked.memberLimit()) {
                            return false;
                        }
                        tx.insertMembership(g, joiner, Role.MEMBER, null, tx.currentSeq(), T0);
                        return true;
                    });
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(limit - 1);
            assertThat(r((StoreTx tx) -> tx.memberCount(g))).isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- schema -----------------------------------------------------------------------------

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws Exception {
        long a = account("a");
        long seq = w(StoreTx::nextSeq);
        store.close();
        store = reopen();
        assertThat(r((StoreTx tx) -> tx.account(a))).isPresent();
        assertThat(r(StoreTx::currentSeq)).isEqualTo(seq);
        assertThat(r((StoreTx tx) -> ((JdbcTx) tx).sql().number("SELECT COUNT(*) FROM schema_version")))
                .isEqualTo(Migrator.MIGRATIONS.size());
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws Exception {
        w((StoreTx tx) -> ((JdbcTx) tx).sql().update(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'V99__future.sql', 0)"));
        store.close();
        assertThatThrownBy(this::reopen).isInstanceOf(StoreException.class).hasMessageContaining("schema version 99");
    }

    // ---- plumbing ---------------------------------------------------------------------------

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CountDownLatch writerDone(Future<?> writer) {
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                writer.get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the assertion on writer.get() reports it
            }
            done.countDown();
        });
        waiter.start();
        return done;
    }
}
