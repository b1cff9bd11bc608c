package org.kith.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.kith.core.Kith;
import org.kith.core.Limits;
import org.kith.core.Precondition;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.card.CardData;
import org.kith.core.error.Gone;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.Account;
import org.kith.core.store.Store;
import org.kith.store.OnEveryDatabase;
import org.kith.store.TestDatabase;
import org.kith.core.view.GroupMembers;
import org.kith.core.view.MergedBook;
import org.kith.core.view.MergedCards;
import org.kith.core.view.MergedChanges;

/**
 * The merged book (every person a viewer may see across all groups, once, plus a group card per
 * group) and its incremental changes, through the service on a real database. The group card's
 * member list is only reported again when membership may have changed: a card edit in a big
 * group must not send the whole member list to every phone.
 */
@OnEveryDatabase
class MergedBooksRulesTest {
    @Parameter
    TestDatabase db;
    private Store store;
    Kith kith;
    Account ann;
    Account ben;
    Account cai;
    long family;
    long friends;

    @BeforeEach
    void open() throws Exception {
        store = db.openNew();
        kith = new Kith(store, Limits.defaults(), Clock.systemUTC(), new PasswordHasher(1024, 1));
        ann = kith.accounts().register("ann", "password-ann", "Ann", "CN");
        ben = kith.accounts().register("ben", "password-ben", "Ben", "CN");
        cai = kith.accounts().register("cai", "password-cai", "蔡", "CN");
        family = kith.groups().create(ann.id(), "Family", "", 50).group().id();
        friends = kith.groups().create(ann.id(), "Friends", "", 50).group().id();
        join(ben, family);
        join(ben, friends);
    }

    @AfterEach
    void close() throws Exception {
        store.close(); // the database goes with the class
    }

    void join(Account who, long group) {
        long inv = kith.invitations().inviteUser(ann.id(), group, who.username(), null).invitation().id();
        kith.invitations().accept(who.id(), inv);
    }

    String uid(Account who) {
        return kith.cards().myCard(who.id()).uid();
    }

    MergedBook book(Account viewer) {
        return kith.mergedBooks().book(viewer.id());
    }

    static List<String> uids(List<VisibleCard> cards) {
        return cards.stream().map(VisibleCard::uid).toList();
    }

    static GroupMembers group(MergedBook book, long id) {
        return book.groups().stream().filter(g -> g.groupId() == id).findFirst().orElseThrow();
    }

    @Test
    void everyoneVisibleAcrossAllGroupsIsListedOnceWithOneGroupCardPerGroup() {
        MergedBook book = book(ben);
        assertThat(uids(book.cards())).containsExactlyInAnyOrder(uid(ann), uid(ben));
        assertThat(book.groups()).extracting(GroupMembers::name).containsExactly("Family", "Friends");
        assertThat(group(book, family).memberUids()).containsExactlyInAnyOrder(uid(ann), uid(ben));
    }

    @Test
    void aCardEditReportsTheCardButNotTheGroupCards() {
        String token = book(ben).syncToken();
        kith.cards().update(ann.id(), CardData.named("Ann Edited"), Precondition.none());

        MergedChanges changes = kith.mergedBooks().changes(ben.id(), token, 100);
        assertThat(uids(changes.updated())).containsExactly(uid(ann));
        assertThat(changes.updated().get(0).canonical()).contains("Ann Edited");
        assertThat(changes.removed()).isEmpty();
        assertThat(changes.groupsUpdated()).as("membership did not change").isEmpty();
        assertThat(changes.syncToken()).isNotEqualTo(token);
    }

    @Test
    void aJoinReportsTheNewcomerAndTheirGroupsCardWithThem() {
        String token = book(ben).syncToken();
        join(cai, family);

        MergedChanges changes = kith.mergedBooks().changes(ben.id(), token, 100);
        assertThat(uids(changes.updated())).containsExactly(uid(cai));
        assertThat(changes.groupsUpdated()).extracting(GroupMembers::groupId).containsExactly(family);
        assertThat(changes.groupsUpdated().get(0).memberUids()).contains(uid(cai));
    }

    @Test
    void aCardEditBySomeoneWhoJoinedAfterTheTokenStillReportsTheGroupCard() {
        String token = book(ben).syncToken();
        join(cai, family);
        kith.cards().update(cai.id(), CardData.named("Cai Edited"), Precondition.none());

        MergedChanges changes = kith.mergedBooks().changes(ben.id(), token, 100);
        assertThat(changes.groupsUpdated()).extracting(GroupMembers::groupId).containsExactly(family);
    }

    @Test
    void someoneLeavingOneGroupStaysInTheBookButLeavesThatGroupCard() {
        join(cai, family);
        join(cai, friends);
        String token = book(ben).syncToken();
        kith.groups().removeMember(ann.id(), friends, "cai");

        MergedChanges changes = kith.mergedBooks().changes(ben.id(), token, 100);
        assertThat(changes.removed()).as("still in Family").isEmpty();
        assertThat(changes.groupsUpdated()).extracting(GroupMembers::groupId).containsExactly(friends);
        assertThat(changes.groupsUpdated().get(0).memberUids()).doesNotContain(uid(cai));

        String next = changes.syncToken();
        kith.groups().removeMember(ann.id(), family, "cai");
        MergedChanges gone = kith.mergedBooks().changes(ben.id(), next, 100);
        assertThat(gone.removed()).containsExactly(uid(cai));
        assertThat(gone.groupsUpdated()).extracting(GroupMembers::groupId).containsExactly(family);
    }

    @Test
    void aBlockRemovesTheBlockerFromCardsAndGroupCardsAndTheirLaterEditsLeaveNoTrace() {
        String token = book(ben).syncToken();
        kith.blocks().block(ann.id(), "ben");

        MergedChanges changes = kith.mergedBooks().changes(ben.id(), token, 100);
        assertThat(changes.removed()).containsExactly(uid(ann));
        assertThat(changes.groupsUpdated()).extracting(GroupMembers::groupId).containsExactlyInAnyOrder(family, friends);
        assertThat(changes.groupsUpdated()).allSatisfy(g -> assertThat(g.memberUids()).doesNotContain(uid(ann)));

        String afterBlock = book(ben).syncToken();
        kith.cards().update(ann.id(), CardData.named("Ann Hidden Edit"), Precondition.none());
        assertThat(book(ben).syncToken()).as("the blocker's edit does not move the token").isEqualTo(afterBlock);
        MergedChanges none = kith.mergedBooks().changes(ben.id(), afterBlock, 100);
        assertThat(none.updated()).isEmpty();
        assertThat(none.removed()).isEmpty();
        assertThat(none.groupsUpdated()).isEmpty();

        kith.blocks().unblock(ann.id(), "ben");
        MergedChanges back = kith.mergedBooks().changes(ben.id(), none.syncToken(), 100);
        assertThat(uids(back.updated())).containsExactly(uid(ann));
        assertThat(back.updated().get(0).canonical()).contains("Ann Hidden Edit");
        assertThat(back.groupsUpdated()).allSatisfy(g -> assertThat(g.memberUids()).contains(uid(ann)));
    }

    @Test
    void aPersonShownUnderAnInheritedEntryUidIsListedUnderTheirOwnUid() {
        join(cai, friends); // already shown somewhere, so Family will show cai under the entry's UID
        long entry = kith.entries().add(ann.id(), family, CardData.named("Cai (typed in)"), "cai").entry().id();
        String entryUid = kith.entries().list(ann.id(), family).stream().filter(e -> e.entry().id() == entry)
                .findFirst().orElseThrow().entry().uid();
        String token = book(ben).syncToken();
        long inv = kith.invitations().mine(cai.id()).get(0).invitation().id();
        kith.invitations().accept(cai.id(), inv);

        MergedBook book = book(ben);
        assertThat(uids(book.cards())).contains(uid(cai)).doesNotContain(entryUid);
        assertThat(group(book, family).memberUids()).contains(uid(cai)).doesNotContain(entryUid);
        MergedChanges changes = kith.mergedBooks().changes(ben.id(), token, 100);
        assertThat(uids(changes.updated())).containsExactly(uid(cai));
        assertThat(changes.removed()).containsExactly(entryUid);
        assertThat(changes.groupsUpdated()).extracting(GroupMembers::groupId).containsExactly(family);
    }

    @Test
    void aViewerWhoLeftAGroupSinceTheTokenMustResync() {
        String token = book(ben).syncToken();
        kith.groups().removeMember(ann.id(), friends, "ben");
        assertThatThrownBy(() -> kith.mergedBooks().changes(ben.id(), token, 100)).isInstanceOf(Gone.class);
        assertThat(book(ben).groups()).extracting(GroupMembers::name).containsExactly("Family");
    }

    // ---- named cards (addressbook-multiget) ------------------------------------------------

    /** Every UID the book lists, people and group cards. */
    static List<String> listed(MergedBook book) {
        List<String> all = new java.util.ArrayList<>(uids(book.cards()));
        book.groups().forEach(g -> all.add(g.cardUid()));
        return all;
    }

    @Test
    void namedCardsAreExactlyWhatTheBookListsUnderThoseUids() {
        join(cai, friends);
        long entry = kith.entries().add(ann.id(), family, CardData.named("Cai (typed in)"), "cai").entry().id();
        String entryUid = kith.entries().list(ann.id(), family).stream().filter(e -> e.entry().id() == entry)
                .findFirst().orElseThrow().entry().uid();
        kith.entries().add(ann.id(), family, CardData.named("Grandma"), null);
        kith.invitations().accept(cai.id(), kith.invitations().mine(cai.id()).get(0).invitation().id());

        MergedBook book = book(ben);
        List<String> asked = new java.util.ArrayList<>(listed(book));
        asked.add(entryUid); // the inherited UID: the book lists cai under their own
        asked.add("no-such-uid");
        MergedCards named = kith.mergedBooks().cards(ben.id(), asked);
        assertThat(named.cards()).containsExactlyInAnyOrderElementsOf(book.cards());
        assertThat(named.groups()).containsExactlyInAnyOrderElementsOf(book.groups());

        MergedCards some = kith.mergedBooks().cards(ben.id(), List.of(uid(cai), group(book, friends).cardUid()));
        assertThat(uids(some.cards())).containsExactly(uid(cai));
        assertThat(some.groups()).extracting(GroupMembers::groupId).containsExactly(friends);
        assertThat(kith.mergedBooks().cards(ben.id(), List.of()).cards()).isEmpty();
    }

    @Test
    void namedCardsLeaveOutBlockersAndOtherPeoplesGroups() {
        Account dan = kith.accounts().register("dan", "password-dan", "Dan", "CN");
        long elsewhere = kith.groups().create(dan.id(), "Elsewhere", "", 10).group().id();
        kith.blocks().block(ann.id(), "ben");

        MergedCards named = kith.mergedBooks().cards(ben.id(), List.of(uid(ann), uid(ben), uid(dan),
                GroupMembers.cardUid(elsewhere), GroupMembers.cardUid(family)));
        assertThat(uids(named.cards())).containsExactly(uid(ben));
        assertThat(named.groups()).extracting(GroupMembers::groupId).containsExactly(family);
        assertThat(named.groups().get(0).memberUids()).doesNotContain(uid(ann));
    }

    @Test
    void aGroupsNamedCardsAreItsPhonebookUnderThoseUids() {
        long entry = kith.entries().add(ann.id(), family, CardData.named("Cai (typed in)"), "cai").entry().id();
        String entryUid = kith.entries().list(ann.id(), family).stream().filter(e -> e.entry().id() == entry)
                .findFirst().orElseThrow().entry().uid();
        List<VisibleCard> phonebook = kith.phonebooks().phonebook(ben.id(), family).cards();
        List<String> asked = new java.util.ArrayList<>(uids(phonebook));
        asked.add("no-such-uid");
        assertThat(kith.phonebooks().cards(ben.id(), family, asked)).containsExactlyInAnyOrderElementsOf(phonebook);
        assertThat(uids(kith.phonebooks().cards(ben.id(), family, List.of(entryUid, uid(cai))))).containsExactly(entryUid);

        kith.blocks().block(ann.id(), "ben");
        assertThat(uids(kith.phonebooks().cards(ben.id(), family, asked))).doesNotContain(uid(ann)).contains(uid(ben));
        assertThatThrownBy(() -> kith.phonebooks().cards(cai.id(), family, asked))
                .isInstanceOf(org.kith.core.error.NotFound.class);
    }
}
