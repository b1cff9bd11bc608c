package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The privacy rule on the CardDAV surface: once A blocks B, B's books hold no trace of A — no
 * card, no group-card member, no query hit — and A's later changes move none of B's sync
 * tokens, CTags or ETags. Unblocking brings A back.
 */
class PrivacyTest extends DavSuite {

    /** Every sync-token, CTag and card ETag in all of {@code viewer}'s books. */
    private Map<String, String> fingerprint(Person viewer, List<String> books) {
        Map<String, String> all = new java.util.TreeMap<>();
        for (String book : books) {
            Multistatus.Entry props = bookProps(viewer, book);
            all.put(book + " sync-token", props.text(Ns.DAV, "sync-token"));
            all.put(book + " getctag", props.text(Ns.CS, "getctag"));
            etags(viewer, book).forEach((href, etag) -> all.put(href, etag));
        }
        return all;
    }

    @Test
    void aBlockedMembersViewHasNoTraceOfTheBlockerAndIsBlindToHerChanges() {
        Person alice = person("priv-alice", "Alice Secret");
        Person bob = person("priv-bob", "Bob");
        Person carol = person("priv-carol", "Carol");
        alice.setCard(People.card("Alice Secret", "13811112222"));
        String gid = People.group(alice, "Privacy club", "", bob, carol);
        String aliceUid = alice.uid();
        List<String> bobsBooks = List.of(bob.mergedBook(), bob.groupBook(gid));
        String groupToken = syncToken(bob, bob.groupBook(gid));
        String mergedToken = syncToken(bob, bob.mergedBook());
        assertThat(cards(bob, bob.groupBook(gid), false).values()).anyMatch(c -> c.contains("Alice Secret"));

        People.block(alice, bob);

        // B's next sync drops A's card, in both books.
        Multistatus groupSync = sync(bob, bob.groupBook(gid), groupToken);
        assertThat(groupSync.entryEndingWith(cardHref(bob.groupBook(gid), aliceUid)).status()).isEqualTo(404);
        Multistatus mergedSync = sync(bob, bob.mergedBook(), mergedToken);
        assertThat(mergedSync.entryEndingWith(cardHref(bob.mergedBook(), aliceUid)).status()).isEqualTo(404);

        // No trace anywhere: listing, GET, multiget, query, the group card's members.
        for (String book : bobsBooks) {
            Map<String, String> cards = cards(bob, book, false);
            assertThat(cards.keySet()).noneMatch(h -> h.contains(aliceUid));
            assertThat(cards.values()).noneMatch(c -> c.contains(aliceUid) || c.contains("Alice Secret")
                    || c.contains("13811112222"));
            assertThat(bob.dav().get(cardHref(book, aliceUid)).status()).isEqualTo(404);
            Map<String, String> v4 = cards(bob, book, true);
            assertThat(v4.values()).noneMatch(c -> c.contains(aliceUid));
            Multistatus mg = bob.dav().report(book, 0, Fixtures.read("requests/multiget.xml",
                    Map.of("hrefs", hrefsXml(List.of(cardHref(book, aliceUid)))))).multistatus();
            assertThat(mg.entries()).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.ok(Ns.CARDDAV, "address-data")).isNull();
            });
            String query = Fixtures.read("requests/query-text.xml", Map.of("property", "FN",
                    "collation", "i;unicode-casemap", "matchType", "contains", "text", "Secret"));
            assertThat(bob.dav().report(book, 1, query).multistatus().entries()).isEmpty();
        }
        String groupCard = cards(bob, bob.mergedBook(), false).values().stream()
                .filter(c -> c.contains("X-ADDRESSBOOKSERVER-KIND:group")).findFirst().orElseThrow();
        assertThat(groupCard).doesNotContain(aliceUid).contains(carol.uid());

        // A's later changes move nothing B can see.
        Map<String, String> before = fingerprint(bob, bobsBooks);
        String blindToken = syncToken(bob, bob.groupBook(gid));
        String blindMergedToken = syncToken(bob, bob.mergedBook());
        alice.setCard(People.card("Alice Changed", "13833334444"));
        alice.setCard(People.card("Alice Changed Again", "13855556666"));
        assertThat(fingerprint(bob, bobsBooks)).isEqualTo(before);
        Multistatus blind = sync(bob, bob.groupBook(gid), blindToken);
        assertThat(blind.entries()).isEmpty();
        assertThat(blind.syncToken()).isEqualTo(blindToken);
        Multistatus blindMerged = sync(bob, bob.mergedBook(), blindMergedToken);
        assertThat(blindMerged.entries()).isEmpty();
        assertThat(blindMerged.syncToken()).isEqualTo(blindMergedToken);
        // Carol, not blocked, sees the change.
        assertThat(names(cards(carol, carol.groupBook(gid), false))).contains("Alice Changed Again");

        // Unblocking restores A's current card.
        People.unblock(alice, bob);
        Multistatus back = sync(bob, bob.groupBook(gid), blindToken);
        Multistatus.Entry restored = back.entryEndingWith(cardHref(bob.groupBook(gid), aliceUid));
        DavResponse restoredCard = bob.dav().get(cardHref(bob.groupBook(gid), aliceUid)).expect(200);
        assertThat(presentEtag(restored)).isEqualTo(restoredCard.etag());
        assertThat(restoredCard.text()).contains("Alice Changed Again");
        assertThat(cards(bob, bob.mergedBook(), false).values().stream()
                .filter(c -> c.contains("X-ADDRESSBOOKSERVER-KIND:group")).findFirst().orElseThrow()).contains(aliceUid);
        Multistatus mergedBack = sync(bob, bob.mergedBook(), blindMergedToken);
        assertThat(presentEtag(mergedBack.entryEndingWith(cardHref(bob.mergedBook(), aliceUid))))
                .isEqualTo(bob.dav().get(cardHref(bob.mergedBook(), aliceUid)).expect(200).etag());
        String groupCardHref = cards(bob, bob.mergedBook(), false).entrySet().stream()
                .filter(c -> c.getValue().contains("X-ADDRESSBOOKSERVER-KIND:group")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertThat(presentEtag(mergedBack.entryEndingWith(groupCardHref))).as("the group card, alice back in it")
                .isEqualTo(bob.dav().get(encodePath(groupCardHref)).expect(200).etag());
        assertThat(bob.dav().get(cardHref(bob.mergedBook(), aliceUid)).expect(200).text()).contains("Alice Changed Again");
    }

    @Test
    void aNonMemberCannotSeeAGroupBookOrItsCards() {
        Person alice = person("priv-owner", "Owner");
        Person bob = person("priv-member", "Member");
        Person eve = person("priv-eve", "Eve");
        String gid = People.group(alice, "Closed", "", bob);
        String book = eve.home() + "group-" + gid + "/";
        assertThat(eve.dav().propfind(book, 0, Fixtures.read("requests/book-properties.xml")).status()).isEqualTo(404);
        assertThat(eve.dav().get(cardHref(book, alice.uid())).status()).isEqualTo(404);
        DavResponse foreignHome = eve.dav().propfind(alice.groupBook(gid), 0, Fixtures.read("requests/book-properties.xml"));
        assertThat(foreignHome.status()).as("another person's home does not exist for me").isEqualTo(404);
        assertThat(foreignHome.text()).doesNotContain("Closed");
        assertThat(eve.dav().get(cardHref(alice.groupBook(gid), bob.uid())).status()).isEqualTo(404);
    }
}
