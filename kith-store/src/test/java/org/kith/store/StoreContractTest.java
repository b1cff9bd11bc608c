package org.kith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.junit.jupiter.params.Parameter;
import org.kith.core.Visibility;
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
import org.kith.core.model.Username;
import org.kith.core.store.BookCardStore;
import org.kith.core.store.BookStore;
import org.kith.core.store.GroupStore;
import org.kith.core.store.PhonebookStore;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;

/** The storage port's contract (Store, StoreTx and the area ports' Javadoc), on every database. */
@OnEveryDatabase
class StoreContractTest {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    @Parameter
    TestDatabase db;
    Store store;

    @BeforeEach
    void open() throws Exception {
        store = db.openNew();
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
        return w((StoreTx tx) -> tx.accounts().insert(Username.of(name), name.toUpperCase(Locale.ROOT), "hash-" + name, "CN",
                "uid-" + name, "vcard-" + name, "etag-" + name, T0).orElseThrow());
    }

    /** A group with its owner as first member, created at a position of its own. */
    long group(long owner) {
        return group(owner, 50);
    }

    long group(long owner, int limit) {
        return w((StoreTx tx) -> {
            long seq = tx.feed().nextSeq();
            long g = tx.groups().insert("group", "about", limit, true, owner, T0);
            tx.groups().insertMembership(g, owner, Role.OWNER, null, seq, T0);
            return g;
        });
    }

    long join(long groupId, long accountId) {
        return join(groupId, accountId, null);
    }

    long join(long groupId, long accountId, String alias) {
        return w((StoreTx tx) -> {
            long seq = tx.feed().nextSeq();
            tx.groups().insertMembership(groupId, accountId, Role.MEMBER, alias, seq, T0);
            return seq;
        });
    }

    long groupRow(long groupId, Long subject, String uid) {
        return w((StoreTx tx) -> {
            long seq = tx.feed().nextSeq();
            tx.feed().appendGroup(seq, groupId, subject, uid, ChangeKind.CARD);
            return seq;
        });
    }

    static List<Long> seqs(List<ChangeRow> rows) {
        return rows.stream().map(ChangeRow::seq).toList();
    }

    // ---- feed clock -------------------------------------------------------------------------

    @Test
    void anEmptyDatabaseStartsAtPositionZero() {
        assertThat(r((StoreTx tx) -> tx.feed().currentSeq())).isZero();
        assertThat(r((StoreTx tx) -> tx.feed().oldestRetainedSeq())).isZero();
        assertThat(store.dialect()).isIn("sqlite", "postgresql");
    }

    @Test
    void nextSeqAdvancesTheClockAndRollsBackWithItsTransaction() {
        assertThat(w((StoreTx tx) -> tx.feed().nextSeq())).isEqualTo(1);
        assertThat(w((StoreTx tx) -> List.of(tx.feed().nextSeq(), tx.feed().nextSeq(), tx.feed().currentSeq()))).containsExactly(2L, 3L, 3L);
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.feed().nextSeq();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(r((StoreTx tx) -> tx.feed().currentSeq())).isEqualTo(3);
        assertThat(w((StoreTx tx) -> tx.feed().nextSeq())).isEqualTo(4);
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
                    List<Long> seen = seqs(r((StoreTx tx) -> tx.feed().groupFeed(g, a, Set.of(), 0, 10_000)));
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
                            long seq = tx.feed().nextSeq();
                            sleepMillis(ThreadLocalRandom.current().nextInt(3)); // widen the race window
                            tx.feed().appendGroup(seq, g, a, "u" + seq, ChangeKind.CARD);
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
            assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(g, a, Set.of(), 0, 10_000))))
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
        long id = w((StoreTx tx) -> tx.accounts().insert(Username.of("Alice"), "Alice W", "hash", "CN", "uid-a", "vcard-a", "etag-a",
                T0)).orElseThrow();
        // a lost race for a username is a result, and the transaction stays usable after it
        List<Object> second = w((StoreTx tx) -> List.of(
                tx.accounts().insert(Username.of("ALICE"), "Other", "hash2", "CN", "uid-b", "vcard-b", "etag-b", T0),
                tx.accounts().insert(Username.of("bob"), "Bob", "hash3", "GB", "uid-c", "vcard-c", "etag-c", T0)));
        assertThat(second.get(0)).isEqualTo(java.util.Optional.empty());
        assertThat(r((StoreTx tx) -> tx.accounts().byUsername(Username.of("bob")))).isPresent();
        assertThat(r((StoreTx tx) -> tx.accounts().get(id))).contains(new Account(id, "Alice", "Alice W", "CN", T0));
        assertThat(r((StoreTx tx) -> tx.accounts().byUsername(Username.of("aLiCe"))).map(Account::id)).contains(id);
        assertThat(r((StoreTx tx) -> tx.accounts().byUsername(Username.of("alice2")))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.accounts().get(id + 1000))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.accounts().passwordHash(id))).contains("hash");
        assertThat(r((StoreTx tx) -> tx.cards().get(id))).contains(new StoredCard(id, "uid-a", "vcard-a", "etag-a", T0));
        assertThat(r((StoreTx tx) -> tx.cards().get(id + 1000))).isEmpty();
    }

    @Test
    void textRoundTripsExactly() {
        String vcard = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:陈雪松 🐉 O'Brien \"x\" % @\r\nEND:VCARD\r\n";
        long id = w((StoreTx tx) -> tx.accounts().insert(Username.of("陈雪松"), "陈雪松 🐉", "h", "CN", "uid-陈", vcard, "e", T0)).orElseThrow();
        assertThat(r((StoreTx tx) -> tx.accounts().byUsername(Username.of("陈雪松"))).map(Account::displayName)).contains("陈雪松 🐉");
        assertThat(r((StoreTx tx) -> tx.cards().get(id)).map(StoredCard::vcard)).contains(vcard);
    }

    @Test
    void directoryTokensBelongToTheirOwnerAndKeepTheirExpiry() {
        long a = account("a");
        long b = account("b");
        long t1 = w((StoreTx tx) -> tx.directoryTokens().insertDirectoryToken(a, "desk", "hash-1", T0, null));
        long t2 = w((StoreTx tx) -> tx.directoryTokens().insertDirectoryToken(a, "lobby", "hash-2", T0, T0.plusSeconds(3600)));
        assertThat(r((StoreTx tx) -> tx.directoryTokens().directoryTokens(a))).containsExactly(
                new DirectoryToken(t1, a, "desk", T0, null, null),
                new DirectoryToken(t2, a, "lobby", T0, null, T0.plusSeconds(3600)));
        assertThat(r((StoreTx tx) -> tx.directoryTokens().directoryTokens(b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.directoryTokens().directoryTokenBySecretHash("hash-2")).map(DirectoryToken::id)).contains(t2);
        assertThat(r((StoreTx tx) -> tx.directoryTokens().directoryTokenBySecretHash("hash-3"))).isEmpty();
        w((StoreTx tx) -> {
            tx.directoryTokens().touchDirectoryToken(t1, T0.plusSeconds(90));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.directoryTokens().directoryTokens(a)).get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(w((StoreTx tx) -> tx.directoryTokens().deleteDirectoryToken(b, t1))).isFalse();
        assertThat(w((StoreTx tx) -> tx.directoryTokens().deleteDirectoryToken(a, t1))).isTrue();
        assertThat(r((StoreTx tx) -> tx.directoryTokens().directoryTokenBySecretHash("hash-1"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.directoryTokens().directoryTokens(a))).extracting(DirectoryToken::id).containsExactly(t2);
    }

    @Test
    void appPasswordsBelongToTheirOwner() {
        long a = account("a");
        long b = account("b");
        long p1 = w((StoreTx tx) -> tx.credentials().insertAppPassword(a, "phone", "secret-1", T0));
        long p2 = w((StoreTx tx) -> tx.credentials().insertAppPassword(a, "laptop", "secret-2", T0.plusSeconds(1)));
        assertThat(r((StoreTx tx) -> tx.credentials().appPasswords(a))).containsExactly(new AppPassword(p1, a, "phone", T0, null),
                new AppPassword(p2, a, "laptop", T0.plusSeconds(1), null));
        assertThat(r((StoreTx tx) -> tx.credentials().appPasswords(b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.credentials().appPasswordBySecretHash("secret-2")).map(AppPassword::id)).contains(p2);
        assertThat(r((StoreTx tx) -> tx.credentials().appPasswordBySecretHash("nope"))).isEmpty();

        w((StoreTx tx) -> {
            tx.credentials().touchAppPassword(p1, T0.plusSeconds(60));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.credentials().appPasswords(a)).get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(60));

        assertThat(w((StoreTx tx) -> tx.credentials().deleteAppPassword(b, p1))).isFalse();
        assertThat(w((StoreTx tx) -> tx.credentials().deleteAppPassword(a, p1))).isTrue();
        assertThat(w((StoreTx tx) -> tx.credentials().deleteAppPassword(a, p1))).isFalse();
        assertThat(r((StoreTx tx) -> tx.credentials().appPasswords(a))).extracting(AppPassword::id).containsExactly(p2);
    }

    @Test
    void sessionsExpire() {
        long a = account("a");
        w((StoreTx tx) -> {
            tx.credentials().insertSession("token-hash", a, T0.plusSeconds(3600));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.credentials().sessionAccount("token-hash", T0))).contains(a);
        assertThat(r((StoreTx tx) -> tx.credentials().sessionAccount("token-hash", T0.plusSeconds(3600)))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.credentials().sessionAccount("other", T0))).isEmpty();
        w((StoreTx tx) -> {
            tx.credentials().deleteSession("token-hash");
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.credentials().sessionAccount("token-hash", T0))).isEmpty();
    }

    // ---- own cards --------------------------------------------------------------------------

    @Test
    void cardUpdatesAreCompareAndSwap() {
        long a = account("a");
        assertThat(w((StoreTx tx) -> tx.cards().update(a, "v2", "e2", "etag-a", T0.plusSeconds(1)))).isTrue();
        assertThat(w((StoreTx tx) -> tx.cards().update(a, "v3", "e3", "etag-a", T0.plusSeconds(2)))).isFalse(); // stale
        assertThat(r((StoreTx tx) -> tx.cards().get(a))).contains(new StoredCard(a, "uid-a", "v2", "e2", T0.plusSeconds(1)));
        assertThat(w((StoreTx tx) -> tx.cards().update(a, "v4", "e4", null, T0.plusSeconds(3)))).isTrue(); // unconditional
        assertThat(r((StoreTx tx) -> tx.cards().get(a)).map(StoredCard::etag)).contains("e4");
        assertThat(w((StoreTx tx) -> tx.cards().update(a + 1000, "v", "e", null, T0))).isFalse();
    }

    @Test
    void cardUidAndPhoneNumbers() {
        long a = account("a");
        long b = account("b");
        w((StoreTx tx) -> {
            tx.cards().setUid(a, "inherited");
            tx.cards().replacePhones(a, List.of("+8613800138000", "+8613800138000", "+441632960000"));
            tx.cards().replacePhones(b, List.of("+8613800138000"));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.cards().get(a)).map(StoredCard::uid)).contains("inherited");
        assertThat(r((StoreTx tx) -> tx.cards().accountsWithPhone("+8613800138000"))).containsExactly(a, b);
        w((StoreTx tx) -> {
            tx.cards().replacePhones(a, List.of("+441632960001"));
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.cards().accountsWithPhone("+8613800138000"))).containsExactly(b);
        assertThat(r((StoreTx tx) -> tx.cards().accountsWithPhone("+441632960000"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.cards().accountsWithPhone("+441632960001"))).containsExactly(a);
    }

    // ---- groups and memberships -----------------------------------------------------------

    @Test
    void groupsAreStoredEditedAndLocked() {
        long a = account("a");
        long b = account("b");
        long g = w((StoreTx tx) -> tx.groups().insert("Family", "desc", 20, false, a, T0));
        assertThat(r((StoreTx tx) -> tx.groups().get(g))).contains(new Group(g, "Family", "desc", 20, false, a, T0));
        w((StoreTx tx) -> {
            tx.groups().update(g, "Clan", "new", 30, true);
            tx.groups().setOwner(g, b);
            return null;
        });
        Group expected = new Group(g, "Clan", "new", 30, true, b, T0);
        assertThat(r((StoreTx tx) -> tx.groups().get(g))).contains(expected);
        assertThat(w((StoreTx tx) -> tx.groups().lock(g))).contains(expected);
        assertThat(w((StoreTx tx) -> tx.groups().lock(g + 1000))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.groups().get(g + 1000))).isEmpty();
    }

    @Test
    void membershipsStartEndAndRestart() {
        long a = account("a");
        long b = account("b");
        long c = account("c");
        long g = group(a);
        long joinedB = join(g, b);
        join(g, c);
        assertThat(r((StoreTx tx) -> tx.groups().members(g))).extracting(Member::accountId).containsExactly(a, b, c);
        assertThat(r((StoreTx tx) -> tx.groups().member(g, b))).contains(
                new Member(g, b, "b", "B", Role.MEMBER, "uid-b", joinedB, T0));
        assertThat(r((StoreTx tx) -> tx.groups().memberCount(g))).isEqualTo(3);

        w((StoreTx tx) -> {
            tx.groups().setRole(g, b, Role.OWNER);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.groups().member(g, b)).map(Member::role)).contains(Role.OWNER);

        long leftAt = w((StoreTx tx) -> tx.feed().nextSeq());
        assertThat(w((StoreTx tx) -> tx.groups().endMembership(g, b, leftAt, T0))).isTrue();
        assertThat(w((StoreTx tx) -> tx.groups().endMembership(g, b, leftAt, T0))).isFalse();
        assertThat(r((StoreTx tx) -> tx.groups().member(g, b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.groups().members(g))).extracting(Member::accountId).containsExactly(a, c);
        assertThat(r((StoreTx tx) -> tx.groups().memberCount(g))).isEqualTo(2);
        assertThat(r((StoreTx tx) -> tx.groups().groupsOf(b))).isEmpty();

        long rejoined = join(g, b); // a new membership period, joined last
        assertThat(r((StoreTx tx) -> tx.groups().members(g))).extracting(Member::accountId).containsExactly(a, c, b);
        assertThat(r((StoreTx tx) -> tx.groups().member(g, b)).map(Member::joinedSeq)).contains(rejoined);
        assertThat(r((StoreTx tx) -> tx.groups().member(g, b)).map(Member::role)).contains(Role.MEMBER);
    }

    @Test
    void aSecondActiveMembershipIsAStoreErrorAndRollsBack() {
        long a = account("a");
        long g = group(a);
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.blocks().insert(a, a, T0);
            tx.groups().insertMembership(g, a, Role.MEMBER, null, 0, T0);
            return null;
        })).isInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(r((StoreTx tx) -> tx.blocks().blocksBy(a))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.groups().memberCount(g))).isEqualTo(1);
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
        assertThat(r((StoreTx tx) -> tx.groups().groupsOf(a))).extracting(Group::id).containsExactly(g1, g2, g3);
        assertThat(r((StoreTx tx) -> tx.groups().sharedGroups(a, b))).containsExactly(g2, g3);
        assertThat(r((StoreTx tx) -> tx.groups().sharedGroups(b, a))).containsExactly(g2, g3);
        long seq = w((StoreTx tx) -> tx.feed().nextSeq());
        w((StoreTx tx) -> tx.groups().endMembership(g2, a, seq, T0));
        assertThat(r((StoreTx tx) -> tx.groups().groupsOf(a))).extracting(Group::id).containsExactly(g1, g3);
        assertThat(r((StoreTx tx) -> tx.groups().sharedGroups(a, b))).containsExactly(g3);
    }

    @Test
    void aDeletedGroupIsInvisibleEverywhere() {
        long a = account("a");
        long b = account("b");
        long g = group(a);
        join(g, b);
        long entry = w((StoreTx tx) -> tx.entries().insert(g, "entry-uid", "vcard-e", "etag-e", T0));
        long inv = w((StoreTx tx) -> tx.invitations().insert(g, a, b, null, null, null, null, T0));
        long seq = w((StoreTx tx) -> tx.feed().nextSeq());
        w((StoreTx tx) -> {
            tx.groups().delete(g, seq, T0);
            return null;
        });
        r((StoreTx tx) -> {
            assertThat(tx.groups().get(g)).isEmpty();
            assertThat(tx.groups().groupsOf(a)).isEmpty();
            assertThat(tx.groups().groupsOf(b)).isEmpty();
            assertThat(tx.groups().member(g, a)).isEmpty();
            assertThat(tx.groups().members(g)).isEmpty();
            assertThat(tx.groups().memberCount(g)).isZero();
            assertThat(tx.groups().sharedGroups(a, b)).isEmpty();
            assertThat(tx.phonebooks().cards(g)).isEmpty();
            assertThat(tx.phonebooks().card(g, "uid-a")).isEmpty();
            assertThat(tx.phonebooks().card(g, "entry-uid")).isEmpty();
            assertThat(tx.entries().get(g, entry)).isEmpty();
            assertThat(tx.entries().list(g)).isEmpty();
            assertThat(tx.invitations().pendingOfGroup(g)).isEmpty();
            assertThat(tx.invitations().pendingFor(b)).isEmpty();
            assertThat(tx.invitations().get(inv)).isPresent(); // the services answer "the group no longer exists"
            return null;
        });
        assertThat(w((StoreTx tx) -> tx.groups().lock(g))).isEmpty();
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
        long e = w((StoreTx tx) -> tx.entries().insert(g1, "typed-in", "vcard-t", "etag-t", T0));

        assertThat(r((StoreTx tx) -> tx.groups().member(g1, b)).map(Member::cardUid)).contains("entry-uid-of-b");
        assertThat(r((StoreTx tx) -> tx.groups().member(g2, b)).map(Member::cardUid)).contains("uid-b");
        assertThat(r((StoreTx tx) -> tx.phonebooks().cards(g1))).containsExactly(
                new GroupCard(g1, "uid-a", a, "a", "A", null, "vcard-a", "etag-a", "uid-a"),
                new GroupCard(g1, "entry-uid-of-b", b, "b", "B", null, "vcard-b", "etag-b", "uid-b"),
                new GroupCard(g1, "typed-in", null, null, null, e, "vcard-t", "etag-t", null));
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g1, "entry-uid-of-b")).map(GroupCard::accountId)).contains(b);
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g1, "entry-uid-of-b")).map(c -> c.underOwnUid().uid()))
                .contains("uid-b");
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g1, "uid-b"))).isEmpty(); // not shown under its own UID there
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g2, "uid-b")).map(GroupCard::accountId)).contains(b);
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g2, "entry-uid-of-b"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g1, "typed-in"))).contains(
                new GroupCard(g1, "typed-in", null, null, null, e, "vcard-t", "etag-t", null));
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g1, "typed-in")).orElseThrow().managed()).isTrue();
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g2, "typed-in"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g1, "nobody"))).isEmpty();

        long seq = w((StoreTx tx) -> tx.feed().nextSeq());
        w((StoreTx tx) -> tx.groups().endMembership(g1, b, seq, T0));
        assertThat(r((StoreTx tx) -> tx.phonebooks().card(g1, "entry-uid-of-b"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.phonebooks().cards(g1)))
                .extracting(GroupCard::uid).containsExactly("uid-a", "typed-in");
    }

    @Test
    void groupCardsListMembersInJoinOrderThenEntries() {
        long a = account("a");
        long b = account("b");
        long c = account("c");
        long g = group(a);
        long e1 = w((StoreTx tx) -> tx.entries().insert(g, "e1", "v", "t", T0));
        join(g, c);
        long e2 = w((StoreTx tx) -> tx.entries().insert(g, "e2", "v", "t", T0));
        join(g, b);
        assertThat(r((StoreTx tx) -> tx.phonebooks().cards(g))).extracting(GroupCard::uid)
                .containsExactly("uid-a", "uid-c", "uid-b", "e1", "e2");
        assertThat(r((StoreTx tx) -> tx.phonebooks().cards(g))).extracting(GroupCard::entryId)
                .containsExactly(null, null, null, e1, e2);
    }

    // ---- managed entries --------------------------------------------------------------------

    @Test
    void managedEntriesAreEditedTiedAndDeletedSoftly() {
        long a = account("a");
        long g = group(a);
        long other = group(a);
        long e = w((StoreTx tx) -> tx.entries().insert(g, "uid-1", "v1", "t1", T0));
        assertThat(r((StoreTx tx) -> tx.entries().get(g, e))).contains(new ManagedEntry(e, g, "uid-1", "v1", "t1", null, T0));
        assertThat(r((StoreTx tx) -> tx.entries().get(other, e))).isEmpty();

        long inv = w((StoreTx tx) -> tx.invitations().insert(g, a, null, "code-1", 1, null, e, T0));
        w((StoreTx tx) -> {
            tx.entries().update(g, e, "v2", "t2");
            tx.entries().setInvitation(e, inv);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entries().list(g)))
                .containsExactly(new ManagedEntry(e, g, "uid-1", "v2", "t2", inv, T0));
        w((StoreTx tx) -> {
            tx.entries().setInvitation(e, null);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entries().get(g, e)).map(ManagedEntry::invitationId)).isEmpty();
        assertThat(r((StoreTx tx) -> tx.entries().get(g, e))).isPresent();

        // a UID is unique among the group's live entries only
        assertThatThrownBy(() -> w((StoreTx tx) -> tx.entries().insert(g, "uid-1", "v", "t", T0)))
                .isInstanceOf(StoreException.class);
        long elsewhere = w((StoreTx tx) -> tx.entries().insert(other, "uid-1", "v", "t", T0));
        w((StoreTx tx) -> {
            tx.entries().delete(g, e);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entries().get(g, e))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.entries().list(g))).isEmpty();
        long again = w((StoreTx tx) -> tx.entries().insert(g, "uid-1", "v3", "t3", T0));
        assertThat(r((StoreTx tx) -> tx.entries().list(g))).extracting(ManagedEntry::id).containsExactly(again);
        assertThat(r((StoreTx tx) -> tx.entries().list(other))).extracting(ManagedEntry::id).containsExactly(elsewhere);
        w((StoreTx tx) -> {
            tx.entries().update(g, e, "ghost", "ghost"); // a deleted entry stays deleted
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.entries().list(g))).extracting(ManagedEntry::vcard).containsExactly("v3");
    }

    // ---- invitations ------------------------------------------------------------------------

    @Test
    void invitationsByUsernameAndByLink() {
        long a = account("a");
        long b = account("b");
        long g = group(a);
        Instant expires = T0.plus(Duration.ofDays(2));
        long toB = w((StoreTx tx) -> tx.invitations().insert(g, a, b, null, null, null, null, T0));
        long link = w((StoreTx tx) -> tx.invitations().insert(g, a, null, "c0de", 5, expires, null, T0));

        assertThat(r((StoreTx tx) -> tx.invitations().get(toB))).contains(
                new Invitation(toB, g, a, b, null, null, 0, null, null, InvitationStatus.PENDING, T0));
        assertThat(r((StoreTx tx) -> tx.invitations().byCode("c0de"))).contains(
                new Invitation(link, g, a, null, "c0de", 5, 0, expires, null, InvitationStatus.PENDING, T0));
        assertThat(r((StoreTx tx) -> tx.invitations().byCode("C0DE"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.invitations().get(link + 1000))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.invitations().pendingOfGroup(g)))
                .extracting(Invitation::id).containsExactly(toB, link);
        assertThat(r((StoreTx tx) -> tx.invitations().pendingFor(b))).extracting(Invitation::id).containsExactly(toB);

        w((StoreTx tx) -> {
            tx.invitations().use(link);
            tx.invitations().use(link);
            tx.invitations().setStatus(toB, InvitationStatus.DECLINED);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.invitations().byCode("c0de")).map(Invitation::uses)).contains(2);
        assertThat(r((StoreTx tx) -> tx.invitations().get(toB)).map(Invitation::status)).contains(InvitationStatus.DECLINED);
        assertThat(r((StoreTx tx) -> tx.invitations().pendingFor(b))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.invitations().pendingOfGroup(g))).extracting(Invitation::id).containsExactly(link);
    }

    // ---- blocks -----------------------------------------------------------------------------

    @Test
    void blocksAreSetOnce() {
        long a = account("a");
        long b = account("b");
        long c = account("c");
        assertThat(w((StoreTx tx) -> tx.blocks().insert(a, b, T0))).isTrue();
        assertThat(w((StoreTx tx) -> tx.blocks().insert(a, b, T0.plusSeconds(5)))).isFalse();
        assertThat(w((StoreTx tx) -> tx.blocks().insert(c, b, T0.plusSeconds(1)))).isTrue();
        assertThat(w((StoreTx tx) -> tx.blocks().insert(a, c, T0.plusSeconds(2)))).isTrue();
        assertThat(r((StoreTx tx) -> tx.blocks().blocksBy(a)))
                .containsExactly(new Block(a, b, T0), new Block(a, c, T0.plusSeconds(2)));
        assertThat(r((StoreTx tx) -> tx.blocks().blockersOf(b))).containsExactlyInAnyOrder(a, c);
        assertThat(r((StoreTx tx) -> tx.blocks().blockersOf(a))).isEmpty();
        assertThat(w((StoreTx tx) -> tx.blocks().delete(a, b))).isTrue();
        assertThat(w((StoreTx tx) -> tx.blocks().delete(a, b))).isFalse();
        assertThat(r((StoreTx tx) -> tx.blocks().blockersOf(b))).containsExactly(c);
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
            long s = tx.feed().nextSeq();  // seq 5: a card change of a, seen by all
            tx.feed().appendGroup(s, g, a, "uid-a", ChangeKind.CARD);
            return s;
        });
        groupRow(g, b, "uid-b");    // seq 6: hidden from v
        w((StoreTx tx) -> {
            long s = tx.feed().nextSeq();  // seq 7: several rows at one position
            tx.feed().appendViewer(s, v, g, "uid-b", ChangeKind.CARD);
            tx.feed().appendViewer(s, c, g, "uid-x", ChangeKind.CARD); // someone else's
            tx.feed().appendGroup(s, g, null, null, ChangeKind.GROUP);
            return s;
        });
        groupRow(h, a, "uid-a");    // seq 8: another group
        groupRow(g, a, "uid-a");    // seq 9
        return new FeedFixture(v, a, b, c, g, h);
    }

    @Test
    void groupFeedShowsGroupRowsNotHiddenPlusTheViewersOwnRows() {
        FeedFixture f = feedFixture();
        List<ChangeRow> rows = r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), 0, 100));
        assertThat(rows).containsExactly(
                new ChangeRow(5, f.g(), null, f.a(), "uid-a", ChangeKind.CARD),
                new ChangeRow(7, f.g(), f.v(), null, "uid-b", ChangeKind.CARD),
                new ChangeRow(7, f.g(), null, null, null, ChangeKind.GROUP),
                new ChangeRow(9, f.g(), null, f.a(), "uid-a", ChangeKind.CARD));
        assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(), 0, 100))))
                .containsExactly(5L, 6L, 7L, 7L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.c(), Set.of(), 0, 100))))
                .containsExactly(5L, 6L, 7L, 7L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), 5, 100))))
                .containsExactly(7L, 7L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), 7, 100)))).containsExactly(9L);
        assertThat(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), 9, 100))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), 0, 2)))
                .containsExactly(rows.get(0), rows.get(1));
        assertThat(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), 0, 0))).isEmpty();
        assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(f.h(), f.v(), Set.of(f.b()), 0, 100)))).containsExactly(8L);
    }

    @Test
    void largeHiddenSetsGiveTheSameFeedAsSmallOnes() {
        FeedFixture f = feedFixture();
        Set<Long> many = new HashSet<>();
        LongStream.range(1_000_000, 1_000_000 + FeedQuery.MAX_BOUND_HIDDEN + 100).forEach(many::add);
        many.add(f.b());
        for (int limit : new int[] {1, 2, 3, 100}) {
            for (long after : new long[] {0, 5, 6, 7}) {
                assertThat(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), many, after, limit)))
                        .isEqualTo(r((StoreTx tx) -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), after, limit)));
                assertThat(r((StoreTx tx) -> tx.feed().viewerFeed(f.v(), many, after, limit)))
                        .isEqualTo(r((StoreTx tx) -> tx.feed().viewerFeed(f.v(), Set.of(f.b()), after, limit)));
            }
        }
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.c(), many))).isEqualTo(9);
        groupRow(f.g(), f.b(), "uid-b"); // seq 10, hidden
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.c(), many))).isEqualTo(9);
        Set<Long> hideA = new HashSet<>(many);
        hideA.add(f.a());
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.c(), hideA))).isEqualTo(7);
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
                tx.feed().appendGroup(tx.feed().nextSeq(), g, b, "uid-b", ChangeKind.CARD);
            }
            return null;
        });
        long last = groupRow(g, v, "uid-v");
        assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(g, v, many, 0, 10)))).containsExactly(first, last);
        assertThat(seqs(r((StoreTx tx) -> tx.feed().groupFeed(g, v, Set.of(b), 0, 10)))).containsExactly(first, last);
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(g, v, many))).isEqualTo(last);
        w((StoreTx tx) -> {
            for (int i = 0; i < 700; i++) {
                tx.feed().appendGroup(tx.feed().nextSeq(), g, b, "uid-b", ChangeKind.CARD);
            }
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(g, v, many))).isEqualTo(last);
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(g, v, Set.of(b)))).isEqualTo(last);
    }

    @Test
    void groupFeedHeadIsTheNewestRowTheViewerMaySee() {
        FeedFixture f = feedFixture();
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.v(), Set.of(f.b())))).isEqualTo(9);
        long hidden = groupRow(f.g(), f.b(), "uid-b");
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.v(), Set.of(f.b())))).isEqualTo(9);
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.v(), Set.of()))).isEqualTo(hidden);
        long own = w((StoreTx tx) -> {
            long s = tx.feed().nextSeq();
            tx.feed().appendViewer(s, f.v(), f.g(), "uid-b", ChangeKind.CARD);
            return s;
        });
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.v(), Set.of(f.b())))).isEqualTo(own);
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.g(), f.c(), Set.of(f.b())))).isEqualTo(9); // not c's row
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(f.h(), f.v(), Set.of()))).isEqualTo(8);
        long empty = group(f.v());
        assertThat(r((StoreTx tx) -> tx.feed().groupFeedHead(empty, f.v(), Set.of()))).isZero();
    }

    @Test
    void viewerFeedCoversCurrentGroupsAndTheViewersOwnRows() {
        FeedFixture f = feedFixture();
        assertThat(r((StoreTx tx) -> tx.feed().viewerFeed(f.v(), Set.of(f.b()), 0, 100))).containsExactly(
                new ChangeRow(5, f.g(), null, f.a(), "uid-a", ChangeKind.CARD),
                new ChangeRow(7, f.g(), f.v(), null, "uid-b", ChangeKind.CARD),
                new ChangeRow(7, f.g(), null, null, null, ChangeKind.GROUP),
                new ChangeRow(8, f.h(), null, f.a(), "uid-a", ChangeKind.CARD),
                new ChangeRow(9, f.g(), null, f.a(), "uid-a", ChangeKind.CARD));
        assertThat(seqs(r((StoreTx tx) -> tx.feed().viewerFeed(f.v(), Set.of(f.b()), 7, 2)))).containsExactly(8L, 9L);
        assertThat(seqs(r((StoreTx tx) -> tx.feed().viewerFeed(f.v(), Set.of(f.b()), 0, 3)))).containsExactly(5L, 7L, 7L);
        // c is in no group: only the row addressed to c
        assertThat(r((StoreTx tx) -> tx.feed().viewerFeed(f.c(), Set.of(), 0, 100)))
                .containsExactly(new ChangeRow(7, f.g(), f.c(), null, "uid-x", ChangeKind.CARD));

        // v leaves h: h's later rows are not v's, the row telling v so is
        long left = w((StoreTx tx) -> {
            long s = tx.feed().nextSeq();
            tx.groups().endMembership(f.h(), f.v(), s, T0);
            tx.feed().appendViewer(s, f.v(), f.h(), null, ChangeKind.LEFT);
            return s;
        });
        groupRow(f.h(), f.a(), "uid-a");
        assertThat(r((StoreTx tx) -> tx.feed().viewerFeed(f.v(), Set.of(f.b()), 9, 100)))
                .containsExactly(new ChangeRow(left, f.h(), f.v(), null, null, ChangeKind.LEFT));
        // and once out of h, its old rows are no longer v's either: only current groups count
        assertThat(seqs(r((StoreTx tx) -> tx.feed().viewerFeed(f.v(), Set.of(f.b()), 0, 100))))
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
                long g = tx.groups().insert("g" + i, "", 10, true, v, T0);
                tx.groups().insertMembership(g, v, Role.OWNER, null, tx.feed().nextSeq(), T0);
                out.add(g);
            }
            return out;
        });
        List<Long> expected = new ArrayList<>();
        w((StoreTx tx) -> {
            for (int round = 0; round < 3; round++) {
                for (int i = groups - 1; i >= 0; i -= 7) {
                    long s = tx.feed().nextSeq();
                    tx.feed().appendGroup(s, ids.get(i), a, "uid-a", ChangeKind.CARD);
                    expected.add(s);
                }
            }
            return null;
        });
        assertThat(seqs(r((StoreTx tx) -> tx.feed().viewerFeed(v, Set.of(), 0, 1000)))).isEqualTo(expected);
        assertThat(seqs(r((StoreTx tx) -> tx.feed().viewerFeed(v, Set.of(), expected.get(10), 5))))
                .isEqualTo(expected.subList(11, 16));
        assertThat(r((StoreTx tx) -> tx.feed().viewerFeed(v, Set.of(a), 0, 1000))).isEmpty();
    }

    @Test
    void feedReadsAreIndexRanges() {
        FeedFixture f = feedFixture();
        Set<Long> many = new HashSet<>(Set.of(f.b()));
        LongStream.range(1_000_000, 1_000_000 + FeedQuery.MAX_BOUND_HIDDEN + 1).forEach(many::add);
        List<Function<StoreTx, ?>> reads = List.of(
                tx -> tx.feed().groupFeed(f.g(), f.v(), Set.of(), 0, 10),
                tx -> tx.feed().groupFeed(f.g(), f.v(), Set.of(f.b()), 3, 10),
                tx -> tx.feed().groupFeed(f.g(), f.v(), many, 3, 10),
                tx -> tx.feed().groupFeedHead(f.g(), f.v(), Set.of(f.b())),
                tx -> tx.feed().groupFeedHead(f.g(), f.v(), many),
                tx -> tx.feed().viewerFeed(f.v(), Set.of(f.b()), 0, 10),
                tx -> tx.feed().viewerFeed(f.c(), Set.of(), 0, 10));
        for (Function<StoreTx, ?> read : reads) {
            List<String> plan = r((StoreTx tx) -> {
                read.apply(tx);
                Sql sql = ((JdbcTx) tx).sql();
                return db.plan(sql, sql.lastStatement(), sql.lastParams());
            });
            assertThat(plan).as("plan").isNotEmpty().noneMatch(line -> db.scans(line, "changes"));
        }
    }

    // ---- personal books ---------------------------------------------------------------------

    long book(long owner, String slug) {
        return w((StoreTx tx) -> tx.books().insert(owner, slug, "Book " + slug, "", tx.feed().nextSeq(), T0)
                .orElseThrow());
    }

    /** Writes a card at a new position with the given store call; returns the card as written. */
    PersonalCard cardWrite(String name, String uid, String text, java.util.function.BiPredicate<StoreTx, PersonalCard> write,
                           boolean expectWritten) {
        return w((StoreTx tx) -> {
            PersonalCard card = new PersonalCard(name, uid, text, "etag-" + text, tx.feed().nextSeq());
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
        long seq = w((StoreTx tx) -> tx.feed().nextSeq());
        long work = w((StoreTx tx) -> tx.books().insert(a, "work", "Work", "desk", seq + 1, T0).orElseThrow());
        long home = book(a, "home");
        assertThat(w((StoreTx tx) -> tx.books().insert(a, "work", "Again", "", tx.feed().nextSeq(), T0))).isEmpty();
        long bWork = book(b, "work"); // the same slug for someone else is another book
        assertThat(r((StoreTx tx) -> tx.books().get(a, "work")))
                .contains(new StoredBook(work, a, "work", "Work", "desk", seq + 1, seq + 1, T0));
        assertThat(r((StoreTx tx) -> tx.books().list(a))).extracting(StoredBook::id).containsExactly(work, home);
        assertThat(r((StoreTx tx) -> tx.books().list(b))).extracting(StoredBook::id).containsExactly(bWork);
        assertThat(r((StoreTx tx) -> tx.books().count(a))).isEqualTo(2);
        assertThat(r((StoreTx tx) -> tx.books().get(a, "Work"))).isEmpty(); // slugs are exact
        assertThat(r((StoreTx tx) -> tx.books().get(b, "home"))).isEmpty();

        w((StoreTx tx) -> {
            tx.books().update(work, "Office", "");
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.books().get(a, "work")).map(StoredBook::displayName)).contains("Office");
        assertThat(r((StoreTx tx) -> tx.books().get(b, "work")).map(StoredBook::displayName)).contains("Book work");
    }

    @Test
    void personalCardWritesAreCompareAndSwapAndLeaveTombstones() {
        long a = account("a");
        long bk = book(a, "contacts");
        PersonalCard v1 = cardWrite("Ann Lee.vcf", "u1", "v1", (tx, c) -> tx.bookCards().insert(bk, c), true);
        cardWrite("Ann Lee.vcf", "u1", "dup", (tx, c) -> tx.bookCards().insert(bk, c), false); // exists
        cardWrite("Ann Lee.vcf", "u1", "stale", (tx, c) -> tx.bookCards().replace(bk, c, "etag-old"), false);
        cardWrite("nobody.vcf", "u9", "x", (tx, c) -> tx.bookCards().replace(bk, c, null), false);
        assertThat(r((StoreTx tx) -> tx.bookCards().get(bk, "Ann Lee.vcf"))).contains(v1);
        assertThat(r((StoreTx tx) -> tx.bookCards().get(bk, "nobody.vcf"))).isEmpty();

        PersonalCard v2 = cardWrite("Ann Lee.vcf", "u1b", "v2", (tx, c) -> tx.bookCards().replace(bk, c, "etag-v1"),
                true);
        PersonalCard other = cardWrite("陈.vcf", "u2", "o1", (tx, c) -> {
            tx.bookCards().put(bk, c);
            return true;
        }, true);
        assertThat(r((StoreTx tx) -> tx.bookCards().list(bk))).containsExactly(v2, other);
        assertThat(r((StoreTx tx) -> tx.bookCards().byUid(bk, "u1b"))).contains(v2);
        assertThat(r((StoreTx tx) -> tx.bookCards().byUid(bk, "u1"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.bookCards().list(bk, List.of("陈.vcf", "missing", "Ann Lee.vcf", "陈.vcf"))))
                .containsExactlyInAnyOrder(v2, other);

        long stale = w((StoreTx tx) -> tx.feed().nextSeq());
        assertThat(w((StoreTx tx) -> tx.bookCards().delete(bk, "Ann Lee.vcf", stale, "etag-v1"))).isFalse();
        long gone = w((StoreTx tx) -> {
            long s = tx.feed().nextSeq();
            assertThat(tx.bookCards().delete(bk, "Ann Lee.vcf", s, "etag-v2")).isTrue();
            return s;
        });
        assertThat(w((StoreTx tx) -> tx.bookCards().delete(bk, "Ann Lee.vcf", tx.feed().nextSeq(), null))).isFalse();
        assertThat(r((StoreTx tx) -> tx.bookCards().get(bk, "Ann Lee.vcf"))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.bookCards().list(bk))).containsExactly(other);
        assertThat(r((StoreTx tx) -> tx.books().get(a, "contacts")).map(StoredBook::headSeq)).contains(gone);
        // the tombstone is reported by the change query, after the live card written before it
        assertThat(r((StoreTx tx) -> tx.bookCards().changes(bk, 0, true, 10))).containsExactly(
                new PersonalCardRow(other, false),
                new PersonalCardRow(new PersonalCard("Ann Lee.vcf", "u1b", "", "", gone), true));
        assertThat(r((StoreTx tx) -> tx.bookCards().changes(bk, 0, false, 10)))
                .containsExactly(new PersonalCardRow(other, false));
        assertThat(r((StoreTx tx) -> tx.bookCards().changes(bk, other.seq(), true, 10))).hasSize(1);
        assertThat(r((StoreTx tx) -> tx.bookCards().changes(bk, 0, true, 1))).hasSize(1);

        // a tombstone's UID is free again, and a write to its name revives the row
        PersonalCard reused = cardWrite("new.vcf", "u1b", "n1", (tx, c) -> tx.bookCards().insert(bk, c), true);
        PersonalCard revived = cardWrite("Ann Lee.vcf", "u3", "v3", (tx, c) -> tx.bookCards().insert(bk, c), true);
        assertThat(r((StoreTx tx) -> tx.bookCards().list(bk))).containsExactly(other, reused, revived);
        assertThat(personalRows("personal_cards")).isEqualTo(3);
        assertThat(r((StoreTx tx) -> tx.books().get(a, "contacts")).map(StoredBook::headSeq)).contains(revived.seq());
    }

    @Test
    void twoLiveCardsOfABookNeverShareAUid() {
        long a = account("a");
        long first = book(a, "first");
        long second = book(a, "second");
        cardWrite("a.vcf", "same", "1", (tx, c) -> tx.bookCards().insert(first, c), true);
        cardWrite("a.vcf", "same", "2", (tx, c) -> tx.bookCards().insert(second, c), true); // another book: fine
        assertThatThrownBy(() -> cardWrite("b.vcf", "same", "3", (tx, c) -> tx.bookCards().insert(first, c), true))
                .isInstanceOf(StoreException.class);
        assertThat(r((StoreTx tx) -> tx.bookCards().list(first))).extracting(PersonalCard::name).containsExactly("a.vcf");
    }

    @Test
    void deletingBooksLeavesNoRowsBehind() {
        long a = account("a");
        long b = account("b");
        long work = book(a, "work");
        long home = book(a, "home");
        long bBook = book(b, "contacts");
        for (long bk : List.of(work, home, bBook)) {
            cardWrite("x.vcf", "x", "x" + bk, (tx, c) -> tx.bookCards().insert(bk, c), true);
            cardWrite("y.vcf", "y", "y" + bk, (tx, c) -> tx.bookCards().insert(bk, c), true);
            w((StoreTx tx) -> tx.bookCards().delete(bk, "y.vcf", tx.feed().nextSeq(), null)); // a tombstone too
        }
        w((StoreTx tx) -> {
            tx.books().delete(work);
            return null;
        });
        assertThat(r((StoreTx tx) -> tx.books().list(a))).extracting(StoredBook::id).containsExactly(home);
        assertThat(personalRows("personal_cards")).isEqualTo(4);
        w((StoreTx tx) -> {
            tx.books().deleteAllOf(a);
            return null;
        });
        assertThat(personalRows("personal_books")).isEqualTo(1);
        assertThat(personalRows("personal_cards")).isEqualTo(2);
        assertThat(r((StoreTx tx) -> tx.bookCards().list(bBook))).extracting(PersonalCard::name).containsExactly("x.vcf");
    }

    @Test
    void personalBookReadsAreIndexRanges() {
        long a = account("a");
        long bk = book(a, "contacts");
        book(a, "other");
        for (int i = 0; i < 20; i++) {
            String name = "c" + i + ".vcf";
            cardWrite(name, "u" + i, "t" + i, (tx, c) -> tx.bookCards().insert(bk, c), true);
        }
        w((StoreTx tx) -> tx.bookCards().delete(bk, "c3.vcf", tx.feed().nextSeq(), null));
        // sync reads walk (book_id, seq); the book's token is the top of the same index
        List<Function<StoreTx, ?>> syncReads = List.of(
                tx -> tx.bookCards().changes(bk, 5, true, 10),
                tx -> tx.bookCards().changes(bk, 0, false, 10),
                tx -> tx.books().get(a, "contacts"),
                tx -> tx.books().list(a));
        List<Function<StoreTx, ?>> otherReads = List.of(
                tx -> tx.bookCards().get(bk, "c1.vcf"),
                tx -> tx.bookCards().byUid(bk, "u2"),
                tx -> tx.bookCards().list(bk, List.of("c1.vcf", "c2.vcf")),
                tx -> tx.bookCards().list(bk));
        for (Function<StoreTx, ?> read : syncReads) {
            List<String> plan = planOf(read);
            assertThat(plan).as("plan").noneMatch(line -> db.scans(line, "personal_cards") || db.scans(line, "personal_books"))
                    .anyMatch(line -> line.contains("personal_cards_seq"));
        }
        for (Function<StoreTx, ?> read : otherReads) {
            assertThat(planOf(read)).as("plan").isNotEmpty().noneMatch(line -> db.scans(line, "personal_cards"));
        }
    }

    private List<String> planOf(Function<StoreTx, ?> read) {
        return r((StoreTx tx) -> {
            read.apply(tx);
            Sql sql = ((JdbcTx) tx).sql();
            return db.plan(sql, sql.lastStatement(), sql.lastParams());
        });
    }

    // ---- the core's rules, as the store applies them --------------------------------------

    /**
     * The feed's filter is {@link Visibility#maySee}, applied in SQL for small hidden sets and in
     * Java for large ones: both must keep exactly the rows the core rule keeps, in every read.
     */
    @Test
    void feedReadsKeepExactlyTheRowsTheCoreRuleLetsThrough() {
        FeedFixture f = feedFixture();
        groupRow(f.g(), f.c(), "uid-c");  // about someone outside the group
        w((StoreTx tx) -> {
            long s = tx.feed().nextSeq(); // a row about b and a row for v at one position
            tx.feed().appendGroup(s, f.g(), f.b(), "uid-b", ChangeKind.CARD);
            tx.feed().appendViewer(s, f.v(), f.g(), "uid-b", ChangeKind.CARD);
            return s;
        });
        Set<Long> many = new HashSet<>(Set.of(f.b()));
        LongStream.range(1_000_000, 1_000_000 + FeedQuery.MAX_BOUND_HIDDEN + 1).forEach(many::add);
        Set<Long> manyAndA = new HashSet<>(many);
        manyAndA.add(f.a());
        for (Set<Long> hidden : List.of(Set.<Long>of(), Set.of(f.b()), Set.of(f.a(), f.b()), Set.of(f.c()), many,
                manyAndA)) {
            for (long viewer : List.of(f.v(), f.c())) {
                r((StoreTx tx) -> {
                    List<ChangeRow> all = tx.feed().groupFeed(f.g(), viewer, Set.of(), 0, 1000);
                    List<ChangeRow> expected = all.stream().filter(row -> Visibility.maySee(row, hidden)).toList();
                    assertThat(tx.feed().groupFeed(f.g(), viewer, hidden, 0, 1000)).isEqualTo(expected);
                    for (int limit = 1; limit <= 3; limit++) {
                        assertThat(tx.feed().groupFeed(f.g(), viewer, hidden, 0, limit))
                                .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
                    }
                    assertThat(tx.feed().groupFeedHead(f.g(), viewer, hidden))
                            .isEqualTo(expected.isEmpty() ? 0 : expected.get(expected.size() - 1).seq());
                    List<ChangeRow> everywhere = tx.feed().viewerFeed(viewer, Set.of(), 0, 1000);
                    assertThat(tx.feed().viewerFeed(viewer, hidden, 0, 1000))
                            .isEqualTo(everywhere.stream().filter(row -> Visibility.maySee(row, hidden)).toList());
                    if (hidden.contains(f.b())) {
                        assertThat(expected).as("something was hidden").hasSizeLessThan(all.size());
                    }
                    return null;
                });
            }
        }
    }

    /** Owner a, member b shown under an inherited UID, member c under the card's own: in group g. */
    record Shown(long a, long b, long c, long g) {}

    Shown shownFixture() {
        long a = account("a");
        long b = account("b");
        long c = account("c");
        long g = group(a);
        join(g, b, "inherited-b");
        join(g, c);
        return new Shown(a, b, c, g);
    }

    /** Every read that shows a member's card shows it under the UID {@link Member#shownUid} names. */
    @Test
    void membersAreShownUnderTheUidTheCoreRuleNames() {
        Shown f = shownFixture();
        long b = f.b();
        long g = f.g();
        Map<Long, String> inherited = new HashMap<>();
        inherited.put(b, "inherited-b");
        r((StoreTx tx) -> {
            assertThat(tx.groups().members(g)).hasSize(3);
            for (Member m : tx.groups().members(g)) {
                String own = tx.cards().get(m.accountId()).orElseThrow().uid();
                String shown = Member.shownUid(inherited.get(m.accountId()), own);
                assertThat(m.cardUid()).isEqualTo(shown);
                assertThat(tx.groups().member(g, m.accountId()).map(Member::cardUid)).contains(shown);
                assertThat(tx.phonebooks().cards(g))
                        .filteredOn(card -> Long.valueOf(m.accountId()).equals(card.accountId()))
                        .extracting(GroupCard::uid).containsExactly(shown);
                assertThat(tx.phonebooks().card(g, shown).map(GroupCard::accountId)).contains(m.accountId());
                if (!shown.equals(own)) {
                    assertThat(tx.phonebooks().card(g, own)).isEmpty();
                }
            }
            return null;
        });
    }

    /** The area ports' default methods (for a store without fast paths) answer as this store's own do. */
    @Test
    void thePortsDefaultsAnswerAsTheStoresFastPaths() {
        Shown f = shownFixture();
        long a = f.a();
        long b = f.b();
        long c = f.c();
        long g = f.g();
        long left = w((StoreTx tx) -> tx.feed().nextSeq());
        w((StoreTx tx) -> tx.groups().endMembership(g, c, left, T0));
        w((StoreTx tx) -> tx.entries().insert(g, "typed-in", "v", "e", T0));
        long bk = book(a, "contacts");
        book(a, "other");
        for (int i = 1; i <= 3; i++) {
            String name = "c" + i + ".vcf";
            cardWrite(name, "u" + i, "t" + i, (tx, card) -> tx.bookCards().insert(bk, card), true);
        }
        w((StoreTx tx) -> tx.bookCards().delete(bk, "c3.vcf", tx.feed().nextSeq(), null));
        r((StoreTx tx) -> {
            GroupStore groups = withDefaults(GroupStore.class, tx.groups());
            assertThat(groups.memberCount(g)).isEqualTo(tx.groups().memberCount(g)).isEqualTo(2);
            PhonebookStore phonebooks = withDefaults(PhonebookStore.class, tx.phonebooks());
            for (String uid : List.of("uid-a", "inherited-b", "uid-b", "uid-c", "typed-in", "nobody")) {
                assertThat(phonebooks.card(g, uid)).as(uid).isEqualTo(tx.phonebooks().card(g, uid));
            }
            assertThat(phonebooks.card(g, "typed-in")).isPresent();
            BookStore books = withDefaults(BookStore.class, tx.books());
            assertThat(books.count(a)).isEqualTo(tx.books().count(a)).isEqualTo(2);
            assertThat(books.count(b)).isEqualTo(tx.books().count(b)).isZero();
            BookCardStore cards = withDefaults(BookCardStore.class, tx.bookCards());
            List<String> names = List.of("c1.vcf", "missing.vcf", "c3.vcf", "c1.vcf", "c2.vcf");
            assertThat(cards.list(bk, names)).hasSize(2)
                    .containsExactlyInAnyOrderElementsOf(tx.bookCards().list(bk, names));
            return null;
        });
    }

    /** {@code port} as a store would be that implements only its abstract methods (those of {@code store}). */
    @SuppressWarnings("unchecked")
    static <A> A withDefaults(Class<A> port, A store) {
        return (A) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) ->
                method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : method.invoke(store, args));
    }

    // ---- transactions -----------------------------------------------------------------------

    @Test
    void aThrowingCallbackLeavesNothingBehind() {
        long a = account("a");
        long g = group(a);
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            long s = tx.feed().nextSeq();
            long b = tx.accounts().insert(Username.of("b"), "B", "h", "CN", "uid-b", "v", "e", T0).orElseThrow();
            tx.groups().insertMembership(g, b, Role.MEMBER, null, s, T0);
            tx.cards().update(a, "changed", "changed", null, T0);
            tx.feed().appendGroup(s, g, b, "uid-b", ChangeKind.CARD);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        r((StoreTx tx) -> {
            assertThat(tx.accounts().byUsername(Username.of("b"))).isEmpty();
            assertThat(tx.groups().memberCount(g)).isEqualTo(1);
            assertThat(tx.cards().get(a).orElseThrow().vcard()).isEqualTo("vcard-a");
            assertThat(tx.feed().currentSeq()).isEqualTo(1);
            assertThat(tx.feed().groupFeed(g, a, Set.of(), 0, 10)).isEmpty();
            return null;
        });
        assertThat(account("b")).isPositive(); // the store is still usable
    }

    @Test
    void driverErrorsBecomeStoreErrorsAndDoomTheTransaction() {
        long a = account("a");
        w((StoreTx tx) -> {
            tx.credentials().insertSession("same", a, T0);
            return null;
        });
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.blocks().insert(a, a, T0);
            tx.credentials().insertSession("same", a, T0);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("INSERT INTO sessions");
        // a failure the callback swallows still rolls the whole transaction back
        assertThatThrownBy(() -> w((StoreTx tx) -> {
            tx.blocks().insert(a, a, T0);
            try {
                tx.credentials().insertSession("same", a, T0);
            } catch (StoreException ignored) {
                // carrying on would commit half a mutation
            }
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("rolled back");
        assertThat(r((StoreTx tx) -> tx.blocks().blocksBy(a))).isEmpty();
        assertThat(w((StoreTx tx) -> tx.blocks().insert(a, a, T0))).isTrue();
    }

    @Test
    void readTransactionsCannotWrite() {
        long a = account("a");
        assertThatThrownBy(() -> r((StoreTx tx) -> tx.groups().insert("g", "", 5, true, a, T0)))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> r((StoreTx tx) -> tx.feed().nextSeq())).isInstanceOf(StoreException.class);
        assertThat(r((StoreTx tx) -> tx.groups().groupsOf(a))).isEmpty();
        assertThat(r((StoreTx tx) -> tx.feed().currentSeq())).isZero();
    }

    @Test
    void aWriteInsideAWriteIsRefused() {
        assertThatThrownBy(() -> w((StoreTx tx) -> w(inner -> inner.feed().nextSeq())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(w((StoreTx tx) -> tx.feed().nextSeq())).isEqualTo(1);
    }

    @Test
    void readersSeeOneSnapshotAndAreNotBlockedByAnOpenWrite() throws Exception {
        long a = account("a");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> writer = pool.submit(() -> w((StoreTx tx) -> {
                long s = tx.feed().nextSeq();
                tx.accounts().insert(Username.of("slow"), "S", "h", "CN", "uid-slow", "v", "e", T0);
                writing.countDown();
                await(release);
                return s;
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            // the write is open and holds the clock: reads still run and see the last commit
            assertThat(r((StoreTx tx) -> tx.accounts().byUsername(Username.of("slow")))).isEmpty();
            assertThat(r((StoreTx tx) -> tx.feed().currentSeq())).isZero();
            List<Long> snapshot = r((StoreTx tx) -> {
                long before = tx.feed().currentSeq();
                release.countDown();
                await(writerDone(writer));
                return List.of(before, tx.feed().currentSeq(), tx.accounts().byUsername(Username.of("slow")).isPresent() ? 1L : 0L);
            });
            assertThat(snapshot).containsExactly(0L, 0L, 0L);
            assertThat(writer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(r((StoreTx tx) -> tx.accounts().byUsername(Username.of("slow")))).isPresent();
            assertThat(r((StoreTx tx) -> tx.accounts().get(a))).isPresent();
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
                        Group locked = tx.groups().lock(g).orElseThrow();
                        int count = tx.groups().memberCount(g);
                        sleepMillis(20);
                        if (count >= locked.memberLimit()) {
                            return false;
                        }
                        tx.groups().insertMembership(g, joiner, Role.MEMBER, null, tx.feed().currentSeq(), T0);
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
            assertThat(r((StoreTx tx) -> tx.groups().memberCount(g))).isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- schema -----------------------------------------------------------------------------

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws Exception {
        long a = account("a");
        long seq = w((StoreTx tx) -> tx.feed().nextSeq());
        store.close();
        store = db.reopen();
        assertThat(r((StoreTx tx) -> tx.accounts().get(a))).isPresent();
        assertThat(r((StoreTx tx) -> tx.feed().currentSeq())).isEqualTo(seq);
        assertThat(r((StoreTx tx) -> ((JdbcTx) tx).sql().number("SELECT COUNT(*) FROM schema_version")))
                .isEqualTo(Migrator.MIGRATIONS.size());
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws Exception {
        w((StoreTx tx) -> ((JdbcTx) tx).sql().update(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'V99__future.sql', 0)"));
        store.close();
        assertThatThrownBy(db::reopen).isInstanceOf(StoreException.class).hasMessageContaining("schema version 99");
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
