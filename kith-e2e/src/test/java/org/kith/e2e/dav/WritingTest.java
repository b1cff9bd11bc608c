package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Writes: PUT of my own card wherever it appears, compare-and-swap with If-Match /
 * If-None-Match, read-only cards of others and group cards, and the personal books
 * (PUT, DELETE, extended MKCOL, PROPPATCH).
 */
class WritingTest extends DavSuite {
    private Person alice;
    private Person bob;
    private String gid;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("write-alice", "Alice");
        bob = person("write-bob", "Bob");
        gid = People.group(alice, "Writers", "we write", bob);
    }

    private static String withFnAndTel(String vcard, String fn, String tel) {
        StringBuilder b = new StringBuilder();
        for (String line : vcard.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            String upper = line.toUpperCase();
            if (upper.startsWith("FN:") || upper.startsWith("FN;")) {
                b.append("FN:").append(fn).append("\r\n");
            } else if (upper.startsWith("N:") || upper.startsWith("N;")) {
                b.append("N:").append(fn).append(";;;;\r\n");
            } else if (upper.startsWith("TEL")) {
                continue;
            } else if (upper.equals("END:VCARD")) {
                b.append("TEL;TYPE=CELL:").append(tel).append("\r\n").append(line).append("\r\n");
            } else {
                b.append(line).append("\r\n");
            }
        }
        return b.toString();
    }

    private String fnInPhonebook(Person viewer, String uid) {
        for (JsonNode c : viewer.api().get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("cards")) {
            if (c.get("uid").asText().equals(uid)) {
                return c.get("card").get("fn").asText();
            }
        }
        return null;
    }

    @Test
    void puttingMyOwnCardInAGroupBookUpdatesItEverywhere() {
        String href = cardHref(alice.groupBook(gid), alice.uid());
        DavResponse current = alice.dav().get(href).expect(200);
        DavResponse put = alice.dav().call("PUT", href).header("If-Match", current.etag())
                .vcard(withFnAndTel(current.text(), "Alice Wang", "13512345678")).send();
        assertThat(put.status()).as(put.toString()).isEqualTo(204);

        assertThat(fnInPhonebook(bob, alice.uid())).as("bob sees it through REST").isEqualTo("Alice Wang");
        String inBobsBook = bob.dav().get(cardHref(bob.groupBook(gid), alice.uid())).expect(200).text();
        assertThat(inBobsBook).contains("FN:Alice Wang").contains("13512345678");
        String inMyMergedBook = alice.dav().get(cardHref(alice.mergedBook(), alice.uid())).expect(200).text();
        assertThat(inMyMergedBook).contains("FN:Alice Wang");
        assertThat(bob.dav().get(cardHref(bob.mergedBook(), alice.uid())).expect(200).text())
                .as("in bob's merged book too").contains("FN:Alice Wang");
        assertThat(alice.dav().get(href).etag()).isNotEqualTo(current.etag());
    }

    @Test
    void myOwnCardIsWritableInTheMergedBookToo() {
        String href = cardHref(alice.mergedBook(), alice.uid());
        DavResponse current = alice.dav().get(href).expect(200);
        DavResponse put = alice.dav().call("PUT", href).header("If-Match", current.etag())
                .vcard(withFnAndTel(current.text(), "Alice Merged", "13512340000")).send();
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(fnInPhonebook(bob, alice.uid())).isEqualTo("Alice Merged");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String href = cardHref(alice.groupBook(gid), alice.uid());
        DavResponse before = alice.dav().get(href).expect(200);
        DavResponse stale = alice.dav().call("PUT", href).header("If-Match", "\"stale-etag\"")
                .vcard(withFnAndTel(before.text(), "Stale Write", "13500000000")).send();
        assertThat(stale.status()).isEqualTo(412);
        DavResponse exists = alice.dav().call("PUT", href).header("If-None-Match", "*")
                .vcard(withFnAndTel(before.text(), "Stale Write", "13500000000")).send();
        assertThat(exists.status()).isEqualTo(412);
        DavResponse after = alice.dav().get(href).expect(200);
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.text()).doesNotContain("Stale Write");
        assertThat(fnInPhonebook(bob, alice.uid())).as("not \"Stale Write\"")
                .isEqualTo(VCardText.parse(before.text()).first("FN").orElseThrow());
    }

    @Test
    void myOwnCardCannotBeDeletedFromAGroupsBook() {
        String fn = VCardText.parse(alice.dav().get(cardHref(alice.groupBook(gid), alice.uid())).expect(200).text())
                .first("FN").orElseThrow();
        for (String book : List.of(alice.groupBook(gid), alice.mergedBook())) {
            String href = cardHref(book, alice.uid());
            String etag = alice.dav().get(href).expect(200).etag();
            DavResponse delete = alice.dav().call("DELETE", href).header("If-Match", etag).send();
            assertThat(delete.status()).as("DELETE " + href).isEqualTo(403);
            assertThat(delete.conditions()).contains(Multistatus.key(Ns.DAV, "need-privileges"));
            assertThat(alice.dav().get(href).expect(200).etag()).isEqualTo(etag);
        }
        assertThat(fnInPhonebook(bob, alice.uid())).as("bob still has alice").isEqualTo(fn);
        assertThat(alice.dav().delete(alice.groupBook(gid)).status()).as("nor the group's book").isEqualTo(403);
        assertThat(bookProps(alice, alice.groupBook(gid)).text(Ns.DAV, "displayname")).isEqualTo("Writers");
    }

    @Test
    void aStaleIfMatchOnAPersonalCardIs412AndEitherVersionsEtagIsCurrent() {
        String book = alice.personalBook();
        String href = book + "cas.vcf";
        String created = alice.dav().call("PUT", href).header("If-None-Match", "*")
                .vcard(VCardText.v3("cas-uid", "Version One")).send().expect(201).etag();
        assertThat(created).as("a card stored as sent gets its ETag back").isEqualTo(alice.dav().get(href).etag());
        String ctag = ctag(alice, book);
        DavResponse stale = alice.dav().call("PUT", href).header("If-Match", "\"not-the-etag\"")
                .vcard(VCardText.v3("cas-uid", "Stale Write")).send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(alice.dav().get(href).text()).contains("FN:Version One").doesNotContain("Stale Write");
        assertThat(ctag(alice, book)).isEqualTo(ctag);

        String v4Etag = alice.dav().call("GET", href).header("Accept", "text/vcard; version=4.0").send().expect(200).etag();
        assertThat(v4Etag).isNotEqualTo(created);
        DavResponse viaV4 = alice.dav().call("PUT", href).header("If-Match", v4Etag)
                .vcard(VCardText.v4("cas-uid", "Version Two")).send();
        assertThat(viaV4.status()).as("the vCard 4 ETag names the same state").isEqualTo(204);
        assertThat(alice.dav().call("PUT", href).header("If-Match", created)
                .vcard(VCardText.v3("cas-uid", "Version Three")).send().status()).as("the old one is stale now").isEqualTo(412);
        assertThat(alice.dav().get(href).text()).contains("Version Two");
    }

    @Test
    void xPropertiesAndPhotosSurviveAPersonalBookRoundTripInBothVersions() {
        String href = alice.personalBook() + "extras.vcf";
        String photo = java.util.Base64.getEncoder().encodeToString(Photos.jpeg(java.awt.Color.BLUE));
        alice.dav().putCard(href, VCardText.v3("extras-uid", "Extra Person", "X-KITH-NOTE:kept as is",
                "X-SOCIALPROFILE;TYPE=weibo:https://weibo.example/extra", "PHOTO;ENCODING=b;TYPE=JPEG:" + photo)).expect(201);
        String v3 = alice.dav().get(href).expect(200).text();
        assertThat(v3).contains("X-KITH-NOTE:kept as is").contains("X-SOCIALPROFILE;TYPE=weibo:https://weibo.example/extra");
        Map<String, String> v4 = multiget(alice, alice.personalBook(), List.of(href), true);
        VCardText card = VCardText.parse(v4.values().iterator().next());
        assertThat(card.version()).isEqualTo("4.0");
        assertThat(card.first("UID")).contains("extras-uid");
        assertThat(card.first("X-KITH-NOTE")).contains("kept as is");
        assertThat(card.all("X-SOCIALPROFILE")).hasSize(1);
        assertThat(Photos.of(card)).isEqualTo(java.util.Base64.getDecoder().decode(photo));
        assertThat(Photos.of(VCardText.parse(v3))).isEqualTo(java.util.Base64.getDecoder().decode(photo));
    }

    /** Two PUTs of {@code href} with the same If-Match, released together; their statuses, sorted. */
    private static List<Integer> racingPuts(Person p, String href, String etag, String first, String second)
            throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> puts = new java.util.ArrayList<>();
            for (String vcard : List.of(first, second)) {
                puts.add(pool.submit(() -> {
                    DavClient.Call call = p.dav().call("PUT", href).header("If-Match", etag).vcard(vcard);
                    start.await();
                    return call.send().status();
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var put : puts) {
                statuses.add(put.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            java.util.Collections.sort(statuses);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoWritersHoldingTheSameEtagNeverBothWin() throws Exception {
        String personal = alice.personalBook() + "race.vcf";
        alice.dav().putCard(personal, VCardText.v3("race-uid", "Race 0")).expect(201);
        for (int round = 1; round <= 6; round++) {
            String etag = alice.dav().get(personal).etag();
            List<Integer> statuses = racingPuts(alice, personal, etag,
                    VCardText.v3("race-uid", "Race " + round + "a"), VCardText.v3("race-uid", "Race " + round + "b"));
            assertThat(statuses).as("round " + round).containsExactly(204, 412);
            assertThat(alice.dav().get(personal).text()).containsAnyOf("FN:Race " + round + "a", "FN:Race " + round + "b");
        }
        Person racer = person("write-racer", "Racer");
        String raceGroup = People.group(racer, "Race", "");
        String own = cardHref(racer.groupBook(raceGroup), racer.uid());
        ownCardRaces(racer, own, "Racer");
        assertThat(racer.dav().get(own).text()).containsAnyOf("FN:Racer 6a", "FN:Racer 6b");
    }

    /** Six rounds of two PUTs of my own card at {@code href} with the same If-Match: one wins, one gets 412. */
    private static void ownCardRaces(Person p, String href, String name) throws Exception {
        for (int round = 1; round <= 6; round++) {
            DavResponse current = p.dav().get(href).expect(200);
            List<Integer> statuses = racingPuts(p, href, current.etag(),
                    withFnAndTel(current.text(), name + " " + round + "a", "1391000000" + round),
                    withFnAndTel(current.text(), name + " " + round + "b", "1392000000" + round));
            assertThat(statuses).as(href + ", round " + round).containsExactly(204, 412);
        }
    }

    /**
     * {@code heir} joins a group of {@code keeper}'s through an invitation tied to a managed entry,
     * so that group shows the heir's card under the entry's UID; that UID.
     */
    private static String inheritEntry(Person keeper, String gid, Person heir) {
        JsonNode entry = keeper.api().post("/api/v1/groups/" + gid + "/entries", Map.of(
                "card", People.card(heir.displayName() + " (entry)", "13600000000"),
                "inviteUsername", heir.username())).expect(201).json();
        heir.api().post("/api/v1/invitations/" + entry.get("invitationId").asText() + "/accept", Map.of()).expect(200);
        return entry.get("uid").asText();
    }

    /** A member who joined through a managed entry, and the href of their card under the entry's UID. */
    private record Heir(Person person, String href) {}

    /** A group of alice's that {@code prefix}-… joins through a managed entry, after a group of their own. */
    private Heir heir(String prefix) {
        Person heir = person(prefix, "Heir");
        People.group(heir, "Heir's own", ""); // a group first: the card keeps its own UID there
        String kept = People.group(alice, "Kept for " + prefix, "");
        String entryUid = inheritEntry(alice, kept, heir);
        assertThat(entryUid).as("shown under the entry's UID").isNotEqualTo(heir.uid());
        return new Heir(heir, cardHref(heir.groupBook(kept), entryUid));
    }

    @Test
    void twoWritersOfMyCardUnderAnInheritedEntryUidNeverBothWin() throws Exception {
        Heir h = heir("write-heir");
        Person heir = h.person();
        String href = h.href();
        ownCardRaces(heir, href, "Heir");
        assertThat(heir.dav().get(href).text()).containsAnyOf("FN:Heir 6a", "FN:Heir 6b");
        assertThat(heir.api().get("/api/v1/me/card").expect(200).text("fn")).as("one card: the same write everywhere")
                .isIn("Heir 6a", "Heir 6b");
    }

    /** The ETags of {@code href} as served in vCard 3.0 and 4.0. */
    private static List<String> bothEtags(Person p, String href) {
        return List.of(p.dav().get(href).expect(200).etag(),
                p.dav().call("GET", href).header("Accept", "text/vcard; version=4.0").send().expect(200).etag());
    }

    @Test
    void aWeakIfMatchNeverMatchesAWrite() {
        Heir heir = heir("write-weak");
        String personal = alice.personalBook() + "weak.vcf";
        alice.dav().putCard(personal, VCardText.v3("weak-uid", "Weak Before")).expect(201);
        for (String href : List.of(cardHref(alice.groupBook(gid), alice.uid()), heir.href(), personal)) {
            Person p = href.equals(heir.href()) ? heir.person() : alice;
            DavResponse before = p.dav().get(href).expect(200);
            for (String etag : bothEtags(p, href)) {
                String vcard = href.equals(personal) ? VCardText.v3("weak-uid", "Weak Write")
                        : withFnAndTel(before.text(), "Weak Write", "13500000002");
                DavResponse put = p.dav().call("PUT", href).header("If-Match", "W/" + etag).vcard(vcard).send();
                assertThat(put.status()).as("PUT " + href + " If-Match: W/" + etag).isEqualTo(412);
            }
            DavResponse after = p.dav().get(href).expect(200);
            assertThat(after.etag()).as(href + " unchanged").isEqualTo(before.etag());
            assertThat(after.text()).doesNotContain("Weak Write");
        }
        for (String etag : bothEtags(alice, personal)) {
            assertThat(alice.dav().call("DELETE", personal).header("If-Match", "W/" + etag).send().status())
                    .as("DELETE If-Match: W/" + etag).isEqualTo(412);
        }
        assertThat(alice.dav().get(personal).status()).isEqualTo(200);
    }

    @Test
    void anIfMatchListMatchesWhenAnyOfItsTagsIsCurrent() {
        Heir heir = heir("write-list");
        String personal = alice.personalBook() + "list.vcf";
        alice.dav().putCard(personal, VCardText.v3("list-uid", "List 0")).expect(201);
        int round = 0;
        for (String href : List.of(cardHref(alice.groupBook(gid), alice.uid()), heir.href(), personal)) {
            Person p = href.equals(heir.href()) ? heir.person() : alice;
            for (int version = 0; version < 2; version++) {
                round++;
                String etag = bothEtags(p, href).get(version);
                DavResponse current = p.dav().get(href).expect(200);
                String vcard = href.equals(personal) ? VCardText.v3("list-uid", "List " + round)
                        : withFnAndTel(current.text(), "List " + round, "1395000000" + round);
                DavResponse stale = p.dav().call("PUT", href).header("If-Match", "\"stale-1\", W/" + etag + ", \"stale-2\"")
                        .vcard(vcard).send();
                assertThat(stale.status()).as("no strong tag in the list is current").isEqualTo(412);
                DavResponse put = p.dav().call("PUT", href).header("If-Match", "\"stale-1\", " + etag + ",\"stale-2\"")
                        .vcard(vcard).send();
                assertThat(put.status()).as("PUT " + href + " with a list holding " + etag).isEqualTo(204);
                assertThat(p.dav().get(href).text()).contains("FN:List " + round);
            }
        }
        String etag = alice.dav().get(personal).etag();
        assertThat(alice.dav().call("DELETE", personal).header("If-Match", "\"stale\", " + etag).send().status())
                .as("a DELETE with a list holding the current tag").isEqualTo(204);
        assertThat(alice.dav().get(personal).status()).isEqualTo(404);
    }

    @Test
    void othersCardsAndGroupCardsAreReadOnly() {
        String bobsCard = cardHref(alice.groupBook(gid), bob.uid());
        DavResponse original = alice.dav().get(bobsCard).expect(200);
        DavResponse put = alice.dav().call("PUT", bobsCard).header("If-Match", original.etag())
                .vcard(withFnAndTel(original.text(), "Hacked Bob", "13500000001")).send();
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.conditions()).contains(Multistatus.key(Ns.DAV, "need-privileges"));
        DavResponse delete = alice.dav().delete(bobsCard);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.conditions()).contains(Multistatus.key(Ns.DAV, "need-privileges"));
        DavResponse after = alice.dav().get(bobsCard).expect(200);
        assertThat(after.etag()).isEqualTo(original.etag());
        assertThat(fnInPhonebook(alice, bob.uid())).isEqualTo("Bob");

        Map<String, String> merged = cards(alice, alice.mergedBook(), false);
        String groupHref = merged.entrySet().stream().filter(e -> e.getValue().contains("X-ADDRESSBOOKSERVER-KIND:group"))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no group card in " + merged.keySet()));
        String groupPath = encodePath(groupHref);
        DavResponse groupCard = alice.dav().get(groupPath).expect(200);
        DavResponse putGroup = alice.dav().call("PUT", groupPath).header("If-Match", groupCard.etag())
                .vcard(groupCard.text().replace("FN:Writers", "FN:Renamed")).send();
        assertThat(putGroup.status()).isEqualTo(403);
        assertThat(putGroup.conditions()).contains(Multistatus.key(Ns.DAV, "need-privileges"));
        assertThat(alice.dav().delete(groupPath).status()).isEqualTo(403);
        assertThat(alice.dav().get(groupPath).etag()).isEqualTo(groupCard.etag());
    }

    @Test
    void newCardsCannotBeAddedToAGroupBook() {
        String href = alice.groupBook(gid) + "stranger.vcf";
        DavResponse r = alice.dav().call("PUT", href).header("If-None-Match", "*")
                .vcard(VCardText.v3("stranger-uid-1", "Stranger")).send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(alice.dav().get(href).status()).isEqualTo(404);
        assertThat(fnInPhonebook(bob, "stranger-uid-1")).isNull();
    }

    @Test
    void thePersonalBookBehavesLikeAnyCardDavBook() {
        String book = alice.personalBook();
        String href = book + "friend-1.vcf";
        String token = syncToken(alice, book);
        DavResponse created = alice.dav().call("PUT", href).header("If-None-Match", "*")
                .vcard(VCardText.v3("friend-1-uid", "Friend One", "TEL;TYPE=CELL:+8613000000001", "X-KITH-NOTE:kept")).send();
        assertThat(created.status()).isEqualTo(201);
        DavResponse again = alice.dav().call("PUT", href).header("If-None-Match", "*")
                .vcard(VCardText.v3("friend-1-uid", "Friend Again")).send();
        assertThat(again.status()).isEqualTo(412);

        DavResponse got = alice.dav().get(href).expect(200);
        assertThat(got.text()).contains("FN:Friend One").contains("X-KITH-NOTE:kept");
        Multistatus changes = sync(alice, book, token);
        assertThat(changes.hrefs().stream().map(Hrefs::path)).containsExactly(href);

        DavResponse updated = alice.dav().call("PUT", href).header("If-Match", got.etag())
                .vcard(VCardText.v3("friend-1-uid", "Friend Renamed")).send();
        assertThat(updated.status()).isEqualTo(204);
        assertThat(alice.dav().get(href).text()).contains("FN:Friend Renamed");

        DavResponse staleDelete = alice.dav().call("DELETE", href).header("If-Match", got.etag()).send();
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(alice.dav().get(href).status()).isEqualTo(200);
        String beforeDelete = changes.syncToken();
        assertThat(alice.dav().delete(href).status()).isEqualTo(204);
        assertThat(alice.dav().get(href).status()).isEqualTo(404);
        Multistatus removed = sync(alice, book, beforeDelete);
        assertThat(removed.entryEndingWith(href).status()).isEqualTo(404);
        assertThat(cards(bob, bob.mergedBook(), false).values()).as("a personal card is nobody else's business")
                .noneMatch(c -> c.contains("Friend"));
    }

    @Test
    void extendedMkcolMakesAnotherPersonalBook() {
        String book = alice.home() + "work-contacts/";
        DavResponse made = alice.dav().call("MKCOL", book).xml(Fixtures.read("requests/mkcol-addressbook.xml",
                Map.of("displayname", "Work contacts", "description", "people from work"))).send();
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        Multistatus.Entry props = bookProps(alice, book);
        assertThat(props.hasResourceType(Ns.CARDDAV, "addressbook")).isTrue();
        assertThat(props.text(Ns.DAV, "displayname")).isEqualTo("Work contacts");
        assertThat(props.text(Ns.CARDDAV, "addressbook-description")).isEqualTo("people from work");
        List<String> listed = propfind(alice, alice.home(), 1, "book-properties.xml").hrefs().stream().map(Hrefs::path).toList();
        assertThat(listed.indexOf(book)).isGreaterThan(listed.indexOf(alice.personalBook()));
        assertThat(alice.dav().putCard(book + "w1.vcf", VCardText.v3("w1-uid", "Colleague")).status()).isEqualTo(201);

        DavResponse twice = alice.dav().call("MKCOL", book).xml(Fixtures.read("requests/mkcol-addressbook.xml",
                Map.of("displayname", "Again", "description", ""))).send();
        assertThat(twice.status()).isEqualTo(405);
        DavResponse inGroup = alice.dav().call("MKCOL", alice.groupBook(gid) + "sub/").xml(Fixtures.read(
                "requests/mkcol-addressbook.xml", Map.of("displayname", "Nested", "description", ""))).send();
        assertThat(inGroup.status()).as("a group book holds no collections").isEqualTo(405);
        DavResponse inOthersHome = alice.dav().call("MKCOL", bob.home() + "mine/").xml(Fixtures.read(
                "requests/mkcol-addressbook.xml", Map.of("displayname", "Not yours", "description", ""))).send();
        assertThat(inOthersHome.status()).as("another person's home does not exist for me").isEqualTo(404);
        assertThat(propfind(bob, bob.home(), 1, "book-properties.xml").hrefs().stream().map(Hrefs::path))
                .doesNotContain(bob.home() + "mine/");
    }

    @Test
    void proppatchRenamesPersonalBooksButNotGroupBooks() {
        DavResponse ok = alice.dav().call("PROPPATCH", alice.personalBook()).xml(Fixtures.read("requests/proppatch-names.xml",
                Map.of("displayname", "我的联系人", "description", "mine"))).send();
        Multistatus.Entry result = ok.multistatus().entries().get(0);
        assertThat(result.statusOf(Ns.DAV, "displayname")).isEqualTo(200);
        assertThat(result.statusOf(Ns.CARDDAV, "addressbook-description")).isEqualTo(200);
        Multistatus.Entry props = bookProps(alice, alice.personalBook());
        assertThat(props.text(Ns.DAV, "displayname")).isEqualTo("我的联系人");
        assertThat(props.text(Ns.CARDDAV, "addressbook-description")).isEqualTo("mine");

        DavResponse refused = alice.dav().call("PROPPATCH", alice.groupBook(gid)).xml(Fixtures.read(
                "requests/proppatch-names.xml", Map.of("displayname", "Renamed", "description", "x"))).send();
        if (refused.status() == 207) {
            assertThat(refused.multistatus().entries().get(0).statusOf(Ns.DAV, "displayname")).isEqualTo(403);
        } else {
            assertThat(refused.status()).isEqualTo(403);
        }
        assertThat(bookProps(alice, alice.groupBook(gid)).text(Ns.DAV, "displayname")).isEqualTo("Writers");
        assertThat(alice.api().get("/api/v1/groups/" + gid).expect(200).json().get("name").asText()).isEqualTo("Writers");
    }
}
