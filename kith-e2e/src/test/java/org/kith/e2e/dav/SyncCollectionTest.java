package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/** sync-collection (RFC 6578) and getctag on group books: exactly the changes, and nothing else. */
class SyncCollectionTest extends DavSuite {
    private Person alice;
    private Person bob;
    private Person carol;
    private String gid;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("sync-alice", "Alice");
        bob = person("sync-bob", "Bob");
        carol = person("sync-carol", "Carol");
        gid = People.group(alice, "Sync club", "", bob, carol);
    }

    private static List<String> paths(Multistatus ms) {
        return ms.hrefs().stream().map(h -> Hrefs.decode(Hrefs.path(h))).toList();
    }

    @Test
    void anInitialSyncListsEveryCardWithItsEtag() {
        String book = alice.groupBook(gid);
        Multistatus ms = sync(alice, book, "");
        assertThat(ms.syncToken()).isNotBlank();
        assertThat(paths(ms)).containsExactlyInAnyOrder(Hrefs.decode(cardHref(book, alice.uid())),
                Hrefs.decode(cardHref(book, bob.uid())), Hrefs.decode(cardHref(book, carol.uid())));
        for (Multistatus.Entry e : ms.entries()) {
            assertThat(e.text(Ns.DAV, "getetag")).isEqualTo(alice.dav().get(Hrefs.path(e.href())).etag());
        }
        assertThat(ms.syncToken()).isEqualTo(syncToken(alice, book));
    }

    @Test
    void anIncrementalSyncReturnsExactlyWhatChanged() {
        String book = alice.groupBook(gid);
        String token = sync(alice, book, "").syncToken();
        String ctag = ctag(alice, book);

        Multistatus quiet = sync(alice, book, token);
        assertThat(quiet.entries()).as("nothing changed").isEmpty();
        assertThat(quiet.syncToken()).isEqualTo(token);
        assertThat(ctag(alice, book)).isEqualTo(ctag);

        bob.setCard(People.card("Bob Brown", "13900139001"));
        Multistatus changed = sync(alice, book, token);
        assertThat(paths(changed)).containsExactly(Hrefs.decode(cardHref(book, bob.uid())));
        assertThat(changed.entries().get(0).text(Ns.DAV, "getetag"))
                .isEqualTo(alice.dav().get(cardHref(book, bob.uid())).etag());
        assertThat(changed.syncToken()).isNotEqualTo(token);
        assertThat(ctag(alice, book)).isNotEqualTo(ctag);
        assertThat(sync(alice, book, changed.syncToken()).entries()).isEmpty();
    }

    @Test
    void aMemberWhoLeavesIsA404Entry() {
        Person dave = person("sync-dave", "Dave");
        People.join(alice, gid, dave);
        String book = alice.groupBook(gid);
        String token = syncToken(alice, book);
        String daveUid = dave.uid();
        dave.api().delete("/api/v1/groups/" + gid + "/members/" + dave.username()).expect(204);
        Multistatus ms = sync(alice, book, token);
        Multistatus.Entry gone = ms.entryEndingWith(cardHref(book, daveUid));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(alice.dav().get(cardHref(book, daveUid)).status()).isEqualTo(404);
    }

    @Test
    void aLimitTruncatesWith507AndTheTokenResumesExactlyWhereItStopped() {
        String book = alice.groupBook(gid);
        List<String> all = paths(sync(alice, book, ""));
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        List<String> seen = new ArrayList<>();
        String token = "";
        for (int round = 0; round < 10; round++) {
            String body = Fixtures.read("requests/sync-collection-limit.xml", Map.of("token", Fixtures.esc(token), "limit", "1"));
            Multistatus ms = alice.dav().report(book, 0, body).multistatus();
            List<Multistatus.Entry> cards = ms.entries().stream().filter(e -> !Hrefs.path(e.href()).equals(book)).toList();
            boolean truncated = ms.entries().stream().anyMatch(e -> Hrefs.path(e.href()).equals(book) && e.status() == 507);
            assertThat(cards).as("at most the limit").hasSizeLessThanOrEqualTo(1);
            cards.forEach(e -> seen.add(Hrefs.decode(Hrefs.path(e.href()))));
            token = ms.syncToken();
            if (!truncated) {
                break;
            }
        }
        assertThat(seen).as("every card exactly once across the resumed requests").containsExactlyInAnyOrderElementsOf(all);
        assertThat(sync(alice, book, token).entries()).isEmpty();
    }

    @Test
    void anIncrementalSyncPagedByALimitLosesAndRepeatsNothing() {
        String book = alice.groupBook(gid);
        Replica phone = new Replica(alice, book).syncAll(0, 1);
        bob.setCard(People.card("Bob Paged", "13900139101"));
        carol.setCard(People.card("Carol Paged", "13700137101"));
        alice.setCard(People.card("Alice Paged", "13800138101"));
        phone.forgetPages();
        phone.syncAll(1, 10);
        assertThat(phone.pages()).as("one change per answer, then an empty last one").allSatisfy(p ->
                assertThat(p).hasSizeLessThanOrEqualTo(1));
        assertThat(phone.reported()).as("each change exactly once").containsExactlyInAnyOrder(
                Hrefs.decode(cardHref(book, bob.uid())), Hrefs.decode(cardHref(book, carol.uid())),
                Hrefs.decode(cardHref(book, alice.uid())));
        phone.assertMatchesServer();
    }

    @Test
    void changesBetweenPagesAreNotLost() {
        String book = alice.groupBook(gid);
        Replica phone = new Replica(alice, book).syncAll(0, 1);
        bob.setCard(People.card("Bob Between", "13900139201"));
        carol.setCard(People.card("Carol Between", "13700137201"));
        assertThat(phone.page(1)).as("two changes, a limit of one").isTrue();
        bob.setCard(People.card("Bob Between Again", "13900139202"));
        alice.setCard(People.card("Alice Between", "13800138201"));
        phone.syncAll(1, 10);
        phone.assertMatchesServer();
        assertThat(alice.dav().get(cardHref(book, bob.uid())).text()).contains("Bob Between Again");
    }

    @Test
    void aPagedInitialSyncOfAPersonalBookSurvivesChangesBetweenPages() {
        Person erin = person("sync-erin", "Erin");
        String book = erin.personalBook();
        for (String name : List.of("a", "c", "e", "g")) {
            erin.dav().putCard(book + name + ".vcf", VCardText.v3("uid-" + name, "Card " + name)).expect(201);
        }
        Replica phone = new Replica(erin, book);
        assertThat(phone.page(2)).isTrue();
        assertThat(phone.reported()).hasSize(2);
        erin.dav().putCard(book + "b.vcf", VCardText.v3("uid-b", "Card b")).expect(201); // before the cut
        erin.dav().putCard(book + "f.vcf", VCardText.v3("uid-f", "Card f")).expect(201); // after the cut
        erin.dav().putCard(book + "a.vcf", VCardText.v3("uid-a", "Card a changed")).expect(204);
        erin.dav().delete(book + "g.vcf").expect(204);
        phone.syncAll(2, 10);
        phone.syncAll(0, 1); // the incremental sync after the snapshot brings what the pages could not
        phone.assertMatchesServer();
        assertThat(phone.cards().keySet()).containsExactlyInAnyOrder(Hrefs.decode(book) + "a.vcf",
                Hrefs.decode(book) + "b.vcf", Hrefs.decode(book) + "c.vcf", Hrefs.decode(book) + "e.vcf",
                Hrefs.decode(book) + "f.vcf");
    }

    @Test
    void aPersonalBookSyncsRemovalsAndPagesIncrementally() {
        Person fay = person("sync-fay", "Fay");
        String book = fay.personalBook();
        for (int i = 0; i < 5; i++) {
            fay.dav().putCard(book + "p" + i + ".vcf", VCardText.v3("p-uid-" + i, "Person " + i)).expect(201);
        }
        Replica phone = new Replica(fay, book).syncAll(0, 1);
        fay.dav().delete(book + "p1.vcf").expect(204);
        fay.dav().putCard(book + "p2.vcf", VCardText.v3("p-uid-2", "Person 2 renamed")).expect(204);
        fay.dav().putCard(book + "p9.vcf", VCardText.v3("p-uid-9", "Person 9")).expect(201);
        phone.forgetPages();
        phone.syncAll(1, 10);
        assertThat(phone.pages()).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(1));
        assertThat(phone.reported()).containsExactlyInAnyOrder(Hrefs.decode(book) + "p1.vcf",
                Hrefs.decode(book) + "p2.vcf", Hrefs.decode(book) + "p9.vcf");
        phone.assertMatchesServer();
    }

    @Test
    void theMergedBookPagedByALimitLosesNothing() {
        String book = alice.mergedBook();
        Replica phone = new Replica(alice, book).syncAll(0, 1);
        phone.assertMatchesServer();
        bob.setCard(People.card("Bob Merged Paged", "13900139301"));
        carol.setCard(People.card("Carol Merged Paged", "13700137301"));
        Person gus = person("sync-gus", "Gus");
        People.group(gus, "Gus's friends", "", alice); // joining brings a whole phonebook and a group card
        phone.syncAll(1, 20);
        phone.assertMatchesServer();
        assertThat(phone.cards()).containsKey(Hrefs.decode(cardHref(book, gus.uid())));
    }

    @Test
    void anUnblockSeenInSeveralGroupsAtOnceIsSyncedWholeUnderALimit() {
        Person jo = person("sync-jo", "Jo");
        Person kim = person("sync-kim", "Kim");
        for (int i = 0; i < 3; i++) {
            People.group(jo, "Shared " + i, "", kim);
        }
        People.block(jo, kim);
        Replica phone = new Replica(kim, kim.mergedBook()).syncAll(0, 1);
        People.unblock(jo, kim); // one change, seen by kim in three groups at once
        phone.syncAll(1, 10);
        phone.assertMatchesServer();
    }

    @Test
    void moreChangesThanTheServerSendsAtOnceArriveOverSeveralAnswers() {
        Person hal = person("sync-hal", "Hal");
        String book = hal.personalBook();
        Replica phone = new Replica(hal, book).syncAll(0, 1);
        int count = 1_010; // more than the 1,000 one answer holds
        DavClient client = hal.dav();
        java.util.stream.IntStream.range(0, count).parallel().forEach(i ->
                client.putCard(book + "bulk-" + i + ".vcf", VCardText.v3("bulk-uid-" + i, "Bulk " + i)).expect(201));
        phone.forgetPages();
        phone.syncAll(0, 5);
        assertThat(phone.pages()).as("the server cut the answer short on its own").hasSizeGreaterThan(1);
        assertThat(phone.pages()).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(1_000));
        assertThat(phone.reported()).as("every new card once").hasSize(count).doesNotHaveDuplicates();
        phone.assertMatchesServer();
    }

    @Test
    void aTokenOfAnotherBookOrAnotherPersonIsRefused() {
        Person ivy = person("sync-ivy", "Ivy");
        String otherGroup = People.group(alice, "Other club", "", ivy);
        ivy.dav().putCard(ivy.personalBook() + "x.vcf", VCardText.v3("ivy-x", "X")).expect(201);
        alice.dav().putCard(alice.personalBook() + "y.vcf", VCardText.v3("alice-y", "Y")).expect(201);
        String secondBook = alice.home() + "second/";
        alice.dav().call("MKCOL", secondBook).xml(Fixtures.read("requests/mkcol-addressbook.xml",
                Map.of("displayname", "Second", "description", ""))).send().expect(201);
        List<List<String>> tokenThenBook = List.of(
                List.of(syncToken(alice, alice.groupBook(gid)), alice.groupBook(otherGroup)),
                List.of(syncToken(alice, alice.groupBook(otherGroup)), alice.mergedBook()),
                List.of(syncToken(alice, alice.mergedBook()), alice.personalBook()),
                List.of(syncToken(alice, alice.personalBook()), secondBook),
                List.of(syncToken(bob, bob.groupBook(gid)), alice.groupBook(gid)),
                List.of(syncToken(ivy, ivy.personalBook()), alice.personalBook()));
        for (List<String> pair : tokenThenBook) {
            DavResponse r = alice.dav().report(pair.get(1), 0, Fixtures.read("requests/sync-collection.xml",
                    Map.of("token", Fixtures.esc(pair.get(0)))));
            assertThat(r.status()).as(pair.get(0) + " on " + pair.get(1)).isEqualTo(403);
            assertThat(r.conditions()).contains(Multistatus.key(Ns.DAV, "valid-sync-token"));
        }
        assertThat(sync(alice, alice.groupBook(gid), syncToken(alice, alice.groupBook(gid))).entries())
                .as("a book's own token still works").isEmpty();
    }

    @Test
    void anUnknownTokenIsRefusedWithValidSyncToken() {
        String book = alice.groupBook(gid);
        String real = syncToken(alice, book);
        for (String token : List.of("http://kith.invalid/not-a-token", real + "999999", "nonsense",
                real.replaceAll("[0-9]+$", "-1"), real + "x", "urn:x-kith:sync:")) {
            DavResponse r = alice.dav().report(book, 0, Fixtures.read("requests/sync-collection.xml",
                    Map.of("token", Fixtures.esc(token))));
            assertThat(r.status()).as("token " + token).isEqualTo(403);
            assertThat(r.conditions()).contains(Multistatus.key(Ns.DAV, "valid-sync-token"));
        }
    }
}
