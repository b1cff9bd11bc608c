package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * The request sequences iOS/macOS Contacts and DAVx5 send when an account is added and synced,
 * replayed from the fixtures in {@code dav/ios} and {@code dav/davx5}, checking at each step what
 * that client needs from the answer to take the next step.
 */
class ClientReplayTest extends DavSuite {
    private Person alice;
    private Person bob;
    private String gid;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("replay-alice", "Alice");
        bob = person("replay-bob", "Bob");
        gid = People.group(alice, "Replay", "phones", bob);
    }

    private static boolean davHeaderHasAddressbook(DavResponse r) {
        return String.join(",", r.headers("DAV")).replace(" ", "").contains("addressbook");
    }

    /** Resolves an href from a response against the server, as clients do. */
    private String resolve(String href) {
        return Hrefs.path(href);
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
    void iosContactsSetsUpTheAccountAndSyncsTheMergedBook() {
        DavClient phone = alice.dav();
        // 1. well-known, without credentials: a redirect to the DAV root.
        DavResponse wellKnown = phone.call("PROPFIND", "/.well-known/carddav").depth(0).withoutCredentials()
                .xml(Fixtures.read("ios/01-well-known.xml")).send();
        assertThat(wellKnown.status()).isEqualTo(301);
        String root = resolve(wellKnown.header("Location"));
        // 2. the redirect target, still without credentials: a Basic challenge.
        DavResponse challenge = phone.call("PROPFIND", root).depth(0).withoutCredentials()
                .xml(Fixtures.read("ios/01-well-known.xml")).send();
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"));
        // 3. again with credentials: the principal.
        Multistatus.Entry rootProps = phone.propfind(root, 0, Fixtures.read("ios/01-well-known.xml")).multistatus().entries().get(0);
        List<String> principalHrefs = rootProps.hrefsIn(Ns.DAV, "current-user-principal");
        assertThat(principalHrefs).hasSize(1);
        String principal = resolve(principalHrefs.get(0));
        // 4. OPTIONS on the principal must say "addressbook" or the account is refused.
        assertThat(davHeaderHasAddressbook(phone.call("OPTIONS", principal).send())).isTrue();
        // 5. the principal: home set; unknown Apple properties must not spoil the answer.
        Multistatus.Entry p = phone.propfind(principal, 0, Fixtures.read("ios/02-principal.xml")).multistatus().entries().get(0);
        List<String> homes = p.hrefsIn(Ns.CARDDAV, "addressbook-home-set");
        assertThat(homes).hasSize(1);
        assertThat(p.statusOf(Ns.CARDDAV, "directory-gateway")).as("no directory gateway").isEqualTo(404);
        String home = resolve(homes.get(0));
        // 6. the home, depth 1: the first address book is the one Contacts shows; me-card names my card.
        Multistatus homeList = phone.propfind(home, 1, Fixtures.read("ios/03-home.xml")).multistatus();
        List<Multistatus.Entry> books = homeList.entries().stream()
                .filter(e -> e.hasResourceType(Ns.CARDDAV, "addressbook")).toList();
        assertThat(books).isNotEmpty();
        String first = resolve(books.get(0).href());
        assertThat(first).as("the merged book comes first").isEqualTo(alice.mergedBook());
        for (Multistatus.Entry b : books) {
            assertThat(b.text(Ns.CS, "getctag")).isNotBlank();
            assertThat(b.text(Ns.DAV, "sync-token")).isNotBlank();
        }
        List<String> meCard = homeList.entries().stream().flatMap(e -> e.hrefsIn(Ns.CS, "me-card").stream()).toList();
        assertThat(meCard).as("me-card somewhere in the home listing").isNotEmpty();
        assertThat(VCardText.parse(phone.get(resolve(meCard.get(0))).expect(200).text()).first("UID")).contains(alice.uid());
        // 7. poll, then sync-collection from nothing, then multiget of every href.
        Multistatus.Entry poll = phone.propfind(first, 0, Fixtures.read("ios/04-book-poll.xml")).multistatus().entries().get(0);
        String ctag = poll.text(Ns.CS, "getctag");
        Multistatus initial = phone.report(first, 0, Fixtures.read("ios/05-sync-collection.xml", Map.of("token", "")))
                .multistatus();
        assertThat(initial.syncToken()).isNotBlank();
        List<String> hrefs = initial.entries().stream().map(e -> resolve(e.href())).toList();
        assertThat(hrefs).hasSize(3); // alice, bob and the group card
        Multistatus cards = phone.report(first, 0, Fixtures.read("ios/06-multiget.xml",
                Map.of("hrefs", hrefsXml("A:", hrefs)))).multistatus();
        for (Multistatus.Entry e : cards.entries()) {
            VCardText c = VCardText.parse(e.text(Ns.CARDDAV, "address-data"));
            assertThat(c.version()).as("iOS gets vCard 3 unless it asks").isEqualTo("3.0");
            assertThat(e.text(Ns.DAV, "getetag")).isEqualTo(initial.entryEndingWith(e.href()).text(Ns.DAV, "getetag"));
        }
        assertThat(cards.entries().stream().map(e -> e.text(Ns.CARDDAV, "address-data")))
                .anyMatch(c -> c.contains("X-ADDRESSBOOKSERVER-KIND:group") && c.contains("urn:uuid:" + bob.uid()));
        // 8. the person edits their own card on the phone: Contacts PUTs its vCard 3 with If-Match.
        String mine = resolve(meCard.get(0));
        DavResponse put = phone.call("PUT", mine).header("If-Match", phone.get(mine).etag())
                .vcard(Fixtures.read("ios/07-own-card.vcf", Map.of("uid", alice.uid()))).send();
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(fnInPhonebook(bob, alice.uid())).isEqualTo("Alice Wang");
        // 9. Bob changes too; the next poll sees the ctag moved, and the incremental sync lists both cards.
        bob.setCard(People.card("Bob Brown", "13900139000"));
        assertThat(phone.propfind(first, 0, Fixtures.read("ios/04-book-poll.xml")).multistatus().entries().get(0)
                .text(Ns.CS, "getctag")).isNotEqualTo(ctag);
        Multistatus next = phone.report(first, 0, Fixtures.read("ios/05-sync-collection.xml",
                Map.of("token", Fixtures.esc(initial.syncToken())))).multistatus();
        assertThat(next.entries().stream().map(e -> resolve(e.href())))
                .contains(mine, cardHref(alice.mergedBook(), bob.uid()));
    }

    @Test
    void davx5FindsTheBooksAndSyncsAGroupBookWithVCard4() {
        DavClient phone = bob.dav();
        // 1. the user-given URL (the server's address): whatever it answers, discovery goes on.
        phone.call("PROPFIND", "/").depth(0).xml(Fixtures.read("davx5/01-base-url.xml")).send();
        // 2. well-known: OkHttp follows the 301 with the same method and body.
        DavResponse wellKnown = phone.call("PROPFIND", "/.well-known/carddav").depth(0)
                .xml(Fixtures.read("davx5/02-current-user-principal.xml")).send();
        assertThat(wellKnown.status()).isEqualTo(301);
        Multistatus.Entry target = phone.propfind(resolve(wellKnown.header("Location")), 0,
                Fixtures.read("davx5/02-current-user-principal.xml")).multistatus().entries().get(0);
        String principal = resolve(target.hrefsIn(Ns.DAV, "current-user-principal").get(0));
        // 3. the principal must offer the CardDAV service.
        assertThat(davHeaderHasAddressbook(phone.call("OPTIONS", principal).send())).isTrue();
        // 4. home set, then the collections in it.
        String home = resolve(phone.propfind(principal, 0, Fixtures.read("davx5/03-home-set.xml")).multistatus()
                .entries().get(0).hrefsIn(Ns.CARDDAV, "addressbook-home-set").get(0));
        Multistatus collections = phone.propfind(home, 1, Fixtures.read("davx5/04-collections.xml")).multistatus();
        Multistatus.Entry group = collections.entryEndingWith(bob.groupBook(gid));
        assertThat(group.hasResourceType(Ns.CARDDAV, "addressbook")).isTrue();
        assertThat(group.text(Ns.DAV, "displayname")).isEqualTo("Replay");
        assertThat(group.text(Ns.CARDDAV, "addressbook-description")).isEqualTo("phones");
        assertThat(group.privileges()).contains("read");
        assertThat(collections.entryEndingWith(bob.personalBook()).privileges())
                .as("DAVx5 treats a book without write-content/bind as read-only")
                .containsAnyOf("write", "write-content", "bind", "all");
        // 5. capabilities of the book: vCard 4 and collection sync decide the algorithm.
        Multistatus.Entry caps = phone.propfind(bob.groupBook(gid), 0, Fixtures.read("davx5/05-capabilities.xml"))
                .multistatus().entries().get(0);
        assertThat(Multistatus.descendants(caps.ok(Ns.CARDDAV, "supported-address-data"), Ns.CARDDAV, "address-data-type"))
                .anyMatch(t -> "4.0".equals(t.getAttribute("version")));
        assertThat(Multistatus.descendants(caps.ok(Ns.DAV, "supported-report-set"), Ns.DAV, "sync-collection")).isNotEmpty();
        assertThat(caps.text(Ns.DAV, "sync-token")).isNotBlank();
        // 6. collection sync from nothing, multiget in vCard 4.
        Multistatus initial = phone.report(bob.groupBook(gid), 0,
                Fixtures.read("davx5/06-sync-collection.xml", Map.of("token", ""))).multistatus();
        List<String> hrefs = new ArrayList<>();
        for (Multistatus.Entry e : initial.entries()) {
            assertThat(e.text(Ns.DAV, "getetag")).as("a multi-get without ETag is an error for DAVx5").isNotBlank();
            hrefs.add(resolve(e.href()));
        }
        assertThat(hrefs).hasSize(2);
        Multistatus got = phone.report(bob.groupBook(gid), 0, Fixtures.read("davx5/07-multiget.xml",
                Map.of("hrefs", hrefsXml("", hrefs)))).multistatus();
        assertThat(got.entries()).hasSize(2);
        for (Multistatus.Entry e : got.entries()) {
            assertThat(e.text(Ns.DAV, "getetag")).isNotBlank();
            assertThat(e.text(Ns.DAV, "getcontenttype")).startsWith("text/vcard");
            assertThat(VCardText.parse(e.text(Ns.CARDDAV, "address-data")).version()).isEqualTo("4.0");
        }
        // 7. the own card is uploaded as vCard 4 with If-Match.
        String mine = cardHref(bob.groupBook(gid), bob.uid());
        String etag = got.entryEndingWith(mine).text(Ns.DAV, "getetag");
        DavResponse put = phone.call("PUT", mine).header("If-Match", etag)
                .header("Content-Type", "text/vcard; version=4.0")
                .body(VCardText.v4(bob.uid(), "Bob from Android", "TEL;TYPE=cell:+8613900139999")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(fnInPhonebook(alice, bob.uid())).isEqualTo("Bob from Android");
        // 8. another member changes: the incremental sync lists both changes, nothing else.
        alice.setCard(People.card("Alice Again", "13800138001"));
        Multistatus next = phone.report(bob.groupBook(gid), 0, Fixtures.read("davx5/06-sync-collection.xml",
                Map.of("token", Fixtures.esc(initial.syncToken())))).multistatus();
        assertThat(next.entries().stream().map(e -> resolve(e.href())))
                .containsExactlyInAnyOrder(mine, cardHref(bob.groupBook(gid), alice.uid()));
    }
}
