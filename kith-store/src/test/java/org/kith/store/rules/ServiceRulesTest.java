package org.kith.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.kith.core.Groups;
import org.kith.core.Kith;
import org.kith.core.Limits;
import org.kith.core.Precondition;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.card.CardData;
import org.kith.core.error.Conflict;
import org.kith.core.error.Forbidden;
import org.kith.core.error.Gone;
import org.kith.core.error.NotFound;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.feed.FeedEvent;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.Account;
import org.kith.core.store.Store;
import org.kith.store.OnEveryDatabase;
import org.kith.store.TestDatabase;
import org.kith.core.view.Changes;
import org.kith.core.view.FeedPage;
import org.kith.core.view.MemberView;

/**
 * The design's rules (DESIGN.md §2) checked at the service layer on a real database: the
 * privacy rule, the per-viewer feed and tokens, membership, managed entries, the member limit.
 * The HTTP surfaces are tested separately; this is where the rules themselves live.
 */
@OnEveryDatabase
class ServiceRulesTest {
    @Parameter
    TestDatabase db;
    private Store store;
    Kith kith;
    private final List<ChangeNotice> notices = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = db.openNew();
        kith = new Kith(store, Limits.defaults(), Clock.systemUTC(), new PasswordHasher(1024, 1));
        kith.addListener(notices::add);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    Account person(String username) {
        return kith.accounts().register(username, "password-" + username, username.toUpperCase(), "CN");
    }

    long groupWith(Account owner, Account... members) {
        long gid = kith.groups().create(owner.id(), "g", "", 50).group().id();
        for (Account m : members) {
            long inv = kith.invitations().inviteUser(owner.id(), gid, m.username(), null).invitation().id();
            kith.invitations().accept(m.id(), inv);
        }
        return gid;
    }

    void setPhone(Account who, String number) {
        kith.cards().update(who.id(), CardData.named(who.displayName()).withTel(List.of(new CardData.Tel("cell", number))),
                Precondition.none());
    }

    static List<String> names(List<VisibleCard> cards) {
        return cards.stream().map(c -> c.displayName() == null ? "entry:" + c.uid() : c.displayName()).toList();
    }

    @Test
    void aBlockedMemberLosesTheCardAndLearnsNothingOfLaterChanges() {
        Account a = person("ann");
        Account b = person("ben");
        Account c = person("cat");
        long g = groupWith(a, b, c);
        String bToken = kith.phonebooks().phonebook(b.id(), g).syncToken();

        kith.blocks().block(a.id(), "ben");
        Changes removal = kith.phonebooks().changes(b.id(), g, bToken);
        String annUid = kith.cards().myCard(a.id()).uid();
        assertThat(removal.removed()).containsExactly(annUid);
        assertThat(names(kith.phonebooks().phonebook(b.id(), g).cards())).containsExactly("BEN", "CAT");

        String afterBlock = removal.syncToken();
        long eventsFrom = kith.phonebooks().position();
        setPhone(a, "13800138000");
        Changes nothing = kith.phonebooks().changes(b.id(), g, afterBlock);
        assertThat(nothing.updated()).isEmpty();
        assertThat(nothing.removed()).isEmpty();
        assertThat(nothing.syncToken()).isEqualTo(afterBlock);
        assertThat(kith.phonebooks().phonebook(b.id(), g).syncToken()).isEqualTo(afterBlock);
        FeedPage bEvents = kith.phonebooks().events(b.id(), eventsFrom, 100);
        assertThat(bEvents.events()).isEmpty();
        // the blocker's change does reach others
        assertThat(kith.phonebooks().events(c.id(), eventsFrom, 100).events()).hasSize(1);

        // B cannot even name A any more (non-owner member list), but the owner sees all
        assertThat(kith.groups().members(b.id(), g)).extracting(MemberView::username).containsExactly("ben", "cat");
        assertThat(kith.groups().get(b.id(), g).memberCount()).isEqualTo(2);
        // only A sees A's block list
        assertThat(kith.blocks().list(a.id())).extracting(v -> v.username()).containsExactly("ben");
        assertThat(kith.blocks().list(b.id())).isEmpty();

        kith.blocks().unblock(a.id(), "ben");
        Changes back = kith.phonebooks().changes(b.id(), g, afterBlock);
        assertThat(back.updated()).extracting(VisibleCard::uid).containsExactly(annUid);
        assertThat(back.updated().get(0).canonical()).contains("13800138000");
    }

    @Test
    void aBlockedOwnerStillSeesTheBlockersNameButNotTheCard() {
        Account owner = person("olga");
        Account m = person("mia");
        long g = groupWith(owner, m);
        kith.blocks().block(m.id(), "olga");
        assertThat(kith.groups().members(owner.id(), g)).extracting(MemberView::username).contains("mia");
        assertThat(names(kith.phonebooks().phonebook(owner.id(), g).cards())).containsExactly("OLGA");
    }

    @Test
    void aBlockHoldsInGroupsJoinedLater() {
        Account a = person("ann");
        Account b = person("ben");
        groupWith(a, b);
        kith.blocks().block(a.id(), "ben");
        long second = groupWith(b, a);
        assertThat(names(kith.phonebooks().phonebook(b.id(), second).cards())).containsExactly("BEN");
        assertThat(names(kith.phonebooks().phonebook(a.id(), second).cards())).containsExactlyInAnyOrder("ANN", "BEN");
    }

    @Test
    void nonMembersAndFormerMembersFindNoGroup() {
        Account a = person("ann");
        Account b = person("ben");
        Account stranger = person("sam");
        long g = groupWith(a, b);
        kith.groups().removeMember(a.id(), g, "ben");
        for (Account outsider : List.of(b, stranger)) {
            long id = outsider.id();
            assertThatThrownBy(() -> kith.groups().get(id, g)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.groups().members(id, g)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.phonebooks().phonebook(id, g)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.phonebooks().changes(id, g, "1")).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.entries().list(id, g)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.invitations().ofGroup(id, g)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.invitations().createLink(id, g, 1, 1, null)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.groups().delete(id, g)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> kith.groups().edit(id, g, new Groups.Edit("x", null, null, null)))
                    .isInstanceOf(NotFound.class);
        }
        assertThatThrownBy(() -> kith.blocks().block(stranger.id(), "ann")).isInstanceOf(NotFound.class);
        assertThat(names(kith.phonebooks().phonebook(a.id(), g).cards())).containsExactly("ANN");
    }

    @Test
    void membersCannotManageTheGroup() {
        Account a = person("ann");
        Account b = person("ben");
        Account c = person("cat");
        long g = groupWith(a, b, c);
        assertThatThrownBy(() -> kith.groups().removeMember(b.id(), g, "cat")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> kith.groups().delete(b.id(), g)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> kith.entries().add(b.id(), g, CardData.named("X"), null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> kith.groups().transferOwnership(b.id(), g, "ben")).isInstanceOf(Forbidden.class);
        kith.groups().edit(a.id(), g, new Groups.Edit(null, null, null, false));
        assertThatThrownBy(() -> kith.invitations().createLink(b.id(), g, 1, 1, null)).isInstanceOf(Forbidden.class);
        assertThat(kith.groups().members(a.id(), g)).hasSize(3);
    }

    @Test
    void leavingRemovingAndDeletingTakeTheCardsOutOfEveryPhonebook() {
        Account a = person("ann");
        Account b = person("ben");
        Account c = person("cat");
        long g = groupWith(a, b, c);
        String aToken = kith.phonebooks().phonebook(a.id(), g).syncToken();
        String cUid = kith.cards().myCard(c.id()).uid();
        kith.groups().removeMember(c.id(), g, "cat"); // leave
        assertThat(kith.phonebooks().changes(a.id(), g, aToken).removed()).containsExactly(cUid);

        long from = kith.phonebooks().position();
        assertThatThrownBy(() -> kith.groups().removeMember(a.id(), g, "ann")).isInstanceOf(Conflict.class);
        kith.groups().transferOwnership(a.id(), g, "ben");
        kith.groups().delete(b.id(), g);
        assertThatThrownBy(() -> kith.phonebooks().phonebook(a.id(), g)).isInstanceOf(NotFound.class);
        List<FeedEvent> events = kith.phonebooks().events(a.id(), from, 100).events();
        assertThat(events).last().isInstanceOfSatisfying(FeedEvent.GroupChanged.class,
                e -> assertThat(e.op()).isEqualTo(FeedEvent.Op.REMOVED));
    }

    @Test
    void aJoinerTakesOverTheManagedEntryUnderTheSameUid() {
        Account a = person("ann");
        Account b = person("ben");
        long g = groupWith(a, b);
        var entry = kith.entries().add(a.id(), g, CardData.named("Carol (typed by Ann)"), null);
        String bToken = kith.phonebooks().phonebook(b.id(), g).syncToken();
        Account carol = person("carol");
        long inv = kith.invitations().inviteUser(a.id(), g, "carol", entry.entry().id()).invitation().id();
        kith.invitations().accept(carol.id(), inv);

        List<VisibleCard> cards = kith.phonebooks().phonebook(b.id(), g).cards();
        assertThat(names(cards)).containsExactlyInAnyOrder("ANN", "BEN", "CAROL");
        assertThat(cards).filteredOn(c -> "CAROL".equals(c.displayName())).extracting(VisibleCard::uid)
                .containsExactly(entry.entry().uid());
        Changes change = kith.phonebooks().changes(b.id(), g, bToken);
        assertThat(change.updated()).extracting(VisibleCard::uid).containsExactly(entry.entry().uid());
        assertThat(change.removed()).isEmpty();
        assertThat(kith.entries().list(a.id(), g)).isEmpty();
    }

    @Test
    void aJoinerAlreadyInAnotherGroupKeepsOneCardShownUnderTheEntryUidHere() {
        Account a = person("ann");
        Account d = person("dan");
        long other = groupWith(d);
        String dUid = kith.cards().myCard(d.id()).uid();
        long g = groupWith(a);
        var entry = kith.entries().add(a.id(), g, CardData.named("Dan"), null);
        long inv = kith.invitations().inviteUser(a.id(), g, "dan", entry.entry().id()).invitation().id();
        kith.invitations().accept(d.id(), inv);
        setPhone(d, "13800138000");
        assertThat(kith.phonebooks().phonebook(a.id(), g).cards()).filteredOn(c -> "DAN".equals(c.displayName()))
                .singleElement().satisfies(c -> {
                    assertThat(c.uid()).isEqualTo(entry.entry().uid());
                    assertThat(c.canonical()).contains("13800138000");
                });
        assertThat(kith.phonebooks().phonebook(d.id(), other).cards()).extracting(VisibleCard::uid).containsExactly(dUid);
    }

    @Test
    void writesOfACardUnderAnInheritedEntryUidCompareTheEtagServedThereInsideTheWrite() throws Exception {
        Account a = person("ann");
        Account d = person("dan");
        groupWith(d);
        long g = groupWith(a);
        var entry = kith.entries().add(a.id(), g, CardData.named("Dan"), null);
        kith.invitations().accept(d.id(), kith.invitations().inviteUser(a.id(), g, "dan", entry.entry().id())
                .invitation().id());
        String entryUid = entry.entry().uid();
        java.util.function.Supplier<String> servedThere = () -> kith.phonebooks().card(a.id(), g, entryUid)
                .orElseThrow().etag();
        String own = kith.cards().myCard(d.id()).etag();
        String vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dan %s\r\nN:Dan;;;;\r\nEND:VCARD\r\n";
        // the tag of the own UID does not name the card as served under the entry's UID, nor a weak one
        assertThatThrownBy(() -> kith.cards().updateFromVcard(d.id(), vcard.formatted("Own Tag"),
                Precondition.matching(own), entryUid)).isInstanceOf(org.kith.core.error.PreconditionFailed.class);
        assertThatThrownBy(() -> kith.cards().updateFromVcard(d.id(), vcard.formatted("No Tag"), Precondition.matching(),
                entryUid)).isInstanceOf(org.kith.core.error.PreconditionFailed.class);
        assertThatThrownBy(() -> kith.cards().updateFromVcard(d.id(), vcard.formatted("Elsewhere"), Precondition.none(),
                "not-a-uid-of-dans")).isInstanceOf(NotFound.class);
        assertThat(kith.cards().myCard(d.id()).etag()).isEqualTo(own);
        AtomicInteger writer = new AtomicInteger(); // every write different: a write of the same bytes changes nothing
        for (int round = 0; round < 3; round++) {
            String etag = servedThere.get();
            List<Boolean> won = PersonalBooksRulesTest.concurrently(6, () -> {
                try {
                    kith.cards().updateFromVcard(d.id(), vcard.formatted("Writer " + writer.incrementAndGet()),
                            Precondition.matching("\"stale\"", etag), entryUid);
                    return true;
                } catch (org.kith.core.error.PreconditionFailed lost) {
                    return false;
                }
            });
            assertThat(won).as("round " + round).containsOnlyOnce(true);
            assertThat(servedThere.get()).isNotEqualTo(etag);
        }
    }

    @Test
    void theMemberLimitHoldsUnderConcurrentAccepts() throws Exception {
        Account owner = person("olga");
        long g = kith.groups().create(owner.id(), "small", "", 4).group().id();
        String code = kith.invitations().createLink(owner.id(), g, 100, 24, null).invitation().code();
        List<Account> joiners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            joiners.add(person("joiner" + i));
        }
        AtomicInteger full = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> results = new ArrayList<>();
        for (Account j : joiners) {
            results.add(pool.submit((Callable<Void>) () -> {
                try {
                    kith.invitations().redeem(j.id(), code);
                } catch (Conflict e) {
                    full.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : results) {
            f.get();
        }
        pool.shutdown();
        assertThat(kith.groups().members(owner.id(), g)).hasSize(4);
        assertThat(full.get()).isEqualTo(7);
    }

    @Test
    void invitationsExpireGetUsedUpAndCanBeRevoked() {
        Account a = person("ann");
        Account b = person("ben");
        Account c = person("cat");
        long g = groupWith(a);
        String code = kith.invitations().createLink(a.id(), g, 1, 24, null).invitation().code();
        kith.invitations().redeem(b.id(), code);
        assertThatThrownBy(() -> kith.invitations().redeem(c.id(), code)).isInstanceOf(Gone.class)
                .hasMessageContaining("used up");
        long inv = kith.invitations().inviteUser(a.id(), g, "cat", null).invitation().id();
        kith.invitations().revoke(a.id(), g, inv);
        assertThatThrownBy(() -> kith.invitations().accept(c.id(), inv)).isInstanceOf(Gone.class);
        assertThatThrownBy(() -> kith.invitations().accept(b.id(), inv)).isInstanceOf(NotFound.class);
        assertThat(kith.groups().members(a.id(), g)).hasSize(2);
    }

    @Test
    void expiredInvitationsCannotBeUsed() {
        Account a = person("ann");
        Account b = person("ben");
        long g = groupWith(a);
        String code = kith.invitations().createLink(a.id(), g, 5, 1, null).invitation().code();
        long inv = kith.invitations().inviteUser(a.id(), g, "ben", null).invitation().id();
        Kith later = new Kith(store, Limits.defaults(), Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(91)),
                new PasswordHasher(1024, 1));
        assertThatThrownBy(() -> later.invitations().redeem(b.id(), code)).isInstanceOf(Gone.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> later.invitations().accept(b.id(), inv)).isInstanceOf(Gone.class);
        assertThat(later.invitations().mine(b.id())).isEmpty();
        assertThat(kith.groups().members(a.id(), g)).hasSize(1);
    }

    @Test
    void changesArePagedWithoutLosingAnything() {
        Account a = person("ann");
        Account b = person("ben");
        long g = groupWith(a, b);
        Kith paged = new Kith(store, Limits.defaults().withChangesPageSize(3), Clock.systemUTC(),
                new PasswordHasher(1024, 1));
        String token = paged.phonebooks().phonebook(b.id(), g).syncToken();
        List<String> entryUids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            entryUids.add(paged.entries().add(a.id(), g, CardData.named("E" + i), null).entry().uid());
        }
        List<String> seen = new ArrayList<>();
        Changes page;
        int pages = 0;
        do {
            page = paged.phonebooks().changes(b.id(), g, token);
            page.updated().forEach(c -> seen.add(c.uid()));
            token = page.syncToken();
            pages++;
        } while (page.more());
        assertThat(seen).containsExactlyElementsOf(entryUids);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tokensFromTheFutureOrBeforeMembershipNeedAResync() {
        Account a = person("ann");
        Account b = person("ben");
        long g = groupWith(a);
        String early = kith.phonebooks().phonebook(a.id(), g).syncToken();
        long inv = kith.invitations().inviteUser(a.id(), g, "ben", null).invitation().id();
        kith.invitations().accept(b.id(), inv);
        assertThatThrownBy(() -> kith.phonebooks().changes(b.id(), g, early)).isInstanceOf(Gone.class);
        assertThatThrownBy(() -> kith.phonebooks().changes(b.id(), g, "999999999")).isInstanceOf(Gone.class);
        assertThatThrownBy(() -> kith.phonebooks().changes(b.id(), g, "nonsense")).isInstanceOf(Gone.class);
    }

    @Test
    void noticesArePublishedOnlyForCommittedChanges() {
        Account a = person("ann");
        long g = groupWith(a);
        int before = notices.size();
        assertThatThrownBy(() -> kith.groups().removeMember(a.id(), g, "nobody")).isInstanceOf(NotFound.class);
        assertThat(notices).hasSize(before);
        setPhone(a, "13800138000");
        assertThat(notices).hasSize(before + 1);
        assertThat(notices.get(notices.size() - 1).groupIds()).containsExactly(g);
        setPhone(a, "13800138000"); // same bytes: nobody needs to look again
        assertThat(notices).hasSize(before + 1);
    }
}
