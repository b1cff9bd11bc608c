package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Input a server must refuse, precisely and without side effects: XML with DOCTYPE or entities,
 * oversized bodies, invalid vCards, UID collisions; and names that need percent-encoding.
 */
class HostileInputTest extends DavSuite {
    private Person alice;
    private Person bob;
    private String gid;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("hostile-alice", "Alice");
        bob = person("hostile-bob", "Bob Private");
        gid = People.group(alice, "Hostile", "", bob);
        bob.dav().putCard(bob.personalBook() + "secret.vcf", VCardText.v3("bob-secret", "Bob's Secret Friend")).expect(201);
    }

    /** What a client would notice of a book: its CTag and every card's ETag. */
    private static Map<String, String> state(Person p, String book) {
        Map<String, String> out = new java.util.TreeMap<>(etags(p, book));
        out.put("getctag", ctag(p, book));
        return out;
    }

    @Test
    void anExternalEntityOrXIncludeNeverReadsALocalFile() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("kith-xxe", ".txt");
        String marker = "kith-local-file-" + System.nanoTime();
        java.nio.file.Files.writeString(secret, marker);
        String url = secret.toUri().toString();
        String book = alice.personalBook();
        Map<String, String> before = state(alice, book);
        String displayName = bookProps(alice, book).text(Ns.DAV, "displayname");
        List<DavResponse> answers = new java.util.ArrayList<>();
        answers.add(alice.dav().call("PROPPATCH", book).xml(Fixtures.read("requests/xxe-file-proppatch.xml",
                Map.of("url", url))).send());
        answers.add(alice.dav().call("PROPFIND", book).depth(0).xml(Fixtures.read("requests/xxe-parameter-entity.xml",
                Map.of("url", url))).send());
        answers.add(alice.dav().call("REPORT", book).depth(0).xml(Fixtures.read("requests/xxe-multiget.xml",
                Map.of("url", url))).send());
        for (DavResponse r : answers) {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.text()).doesNotContain(marker);
        }
        DavResponse xinclude = alice.dav().call("PROPPATCH", book).xml(Fixtures.read("requests/xinclude-proppatch.xml",
                Map.of("url", url))).send();
        assertThat(xinclude.text()).doesNotContain(marker);
        assertThat(bookProps(alice, book).text(Ns.DAV, "displayname")).doesNotContain(marker);
        propfind(alice, book, 0, "book-properties.xml").entries().forEach(e ->
                assertThat(e.text(Ns.DAV, "displayname")).doesNotContain(marker));
        alice.dav().call("PROPPATCH", book).xml(Fixtures.read("requests/proppatch-names.xml",
                Map.of("displayname", Fixtures.esc(displayName), "description", ""))).send().multistatus();
        assertThat(etags(alice, book)).isEqualTo(before.entrySet().stream().filter(e -> !e.getKey().equals("getctag"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void hugeXmlBodiesAre413AndNothingChanges() {
        String book = alice.personalBook();
        Map<String, String> before = state(alice, book);
        String padding = "<D:displayname/>".repeat(80_000); // 1.3 MB of PROPFIND
        DavResponse propfind = alice.dav().call("PROPFIND", book).depth(0)
                .xml("<D:propfind xmlns:D=\"DAV:\"><D:prop>" + padding + "</D:prop></D:propfind>").send();
        assertThat(propfind.status()).isEqualTo(413);
        String hrefs = ("<D:href>" + book + "x.vcf</D:href>").repeat(200_000); // over 4 MB of multiget
        DavResponse report = alice.dav().call("REPORT", book).depth(0).xml("<C:addressbook-multiget xmlns:D=\"DAV:\" "
                + "xmlns:C=\"urn:ietf:params:xml:ns:carddav\"><D:prop><D:getetag/></D:prop>" + hrefs
                + "</C:addressbook-multiget>").send();
        assertThat(report.status()).isEqualTo(413);
        DavResponse proppatch = alice.dav().call("PROPPATCH", book).xml(Fixtures.read("requests/proppatch-names.xml",
                Map.of("displayname", "x".repeat(2 * 1024 * 1024), "description", ""))).send();
        assertThat(proppatch.status()).isEqualTo(413);
        assertThat(state(alice, book)).isEqualTo(before);
    }

    @Test
    void deeplyNestedXmlIsRefusedAndTheServerCarriesOn() {
        String book = alice.personalBook();
        Map<String, String> before = state(alice, book);
        String displayName = bookProps(alice, book).text(Ns.DAV, "displayname");
        int depth = 50_000;
        String nested = "<x>".repeat(depth) + "deep" + "</x>".repeat(depth);
        DavResponse proppatch = alice.dav().call("PROPPATCH", book).xml("<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop>"
                + "<D:displayname>" + nested + "</D:displayname></D:prop></D:set></D:propertyupdate>").send();
        assertThat(proppatch.status()).as(proppatch.toString()).isEqualTo(400);
        DavResponse propfind = alice.dav().call("PROPFIND", book).depth(0)
                .xml("<D:propfind xmlns:D=\"DAV:\"><D:prop>" + nested + "</D:prop></D:propfind>").send();
        assertThat(propfind.status()).as(propfind.toString()).isEqualTo(400);
        DavResponse query = alice.dav().call("REPORT", book).depth(1).xml("<C:addressbook-query xmlns:D=\"DAV:\" "
                + "xmlns:C=\"urn:ietf:params:xml:ns:carddav\"><C:filter><C:prop-filter name=\"FN\"><C:text-match>"
                + nested + "</C:text-match></C:prop-filter></C:filter></C:addressbook-query>").send();
        assertThat(query.status()).as(query.toString()).isEqualTo(400);
        assertThat(state(alice, book)).isEqualTo(before);
        assertThat(bookProps(alice, book).text(Ns.DAV, "displayname")).isEqualTo(displayName);
    }

    @Test
    void pathTricksNeverReachAnotherPersonsData() {
        String bobSecret = bob.personalBook() + "secret.vcf";
        String aliceHome = alice.home();
        // each answered as what it is: a malformed path (400), or a card that does not exist for alice (404)
        Map<String, Integer> tricks = new java.util.LinkedHashMap<>();
        tricks.put(aliceHome + "../" + bob.username() + "/contacts/secret.vcf", 404);
        tricks.put(aliceHome + "%2e%2e/" + bob.username() + "/contacts/secret.vcf", 400);
        tricks.put(aliceHome + "%2E%2E%2F" + bob.username() + "%2Fcontacts/secret.vcf", 404);
        tricks.put(aliceHome + "contacts/..%2F..%2F" + bob.username() + "%2Fcontacts%2Fsecret.vcf", 404);
        tricks.put(aliceHome + "contacts%2F..%2F..%2F" + bob.username() + "/contacts/secret.vcf", 404);
        tricks.put("/dav/addressbooks/" + bob.username() + "/contacts/secret.vcf", 404);
        tricks.put("/dav/addressbooks/" + bob.username().toUpperCase(java.util.Locale.ROOT) + "/contacts/secret.vcf", 404);
        tricks.put("/dav/addressbooks/./" + bob.username() + "/contacts/secret.vcf", 404);
        tricks.put("/dav//addressbooks/" + bob.username() + "/contacts/secret.vcf", 400);
        tricks.forEach((path, status) -> {
            DavResponse get = alice.dav().get(path);
            assertThat(get.status()).as("GET " + path).isEqualTo(status);
            assertThat(get.text()).as("GET " + path).doesNotContain("Secret Friend").doesNotContain("bob-secret");
        });
        Map<String, String> bobsBook = state(bob, bob.personalBook());
        List<DavClient.Call> others = List.of(
                alice.dav().call("PROPFIND", bob.principal()).depth(0).xml(Fixtures.read("requests/addressbook-home-set.xml")),
                alice.dav().call("PROPFIND", bob.home()).depth(1).xml(Fixtures.read("requests/book-properties.xml")),
                alice.dav().call("PROPFIND", bob.personalBook()).depth(1).xml(Fixtures.read("requests/card-properties.xml")),
                alice.dav().call("REPORT", bob.personalBook()).depth(0).xml(Fixtures.read("requests/sync-collection.xml",
                        Map.of("token", ""))),
                alice.dav().call("PUT", bobSecret).vcard(VCardText.v3("bob-secret", "Overwritten")),
                alice.dav().call("PUT", bob.personalBook() + "planted.vcf").vcard(VCardText.v3("planted", "Planted")),
                alice.dav().call("DELETE", bobSecret),
                alice.dav().call("DELETE", bob.personalBook()),
                alice.dav().call("PROPPATCH", bob.personalBook()).xml(Fixtures.read("requests/proppatch-names.xml",
                        Map.of("displayname", "Taken", "description", ""))),
                alice.dav().call("MKCOL", bob.home() + "planted/"));
        for (DavClient.Call call : others) {
            DavResponse r = call.send();
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.text()).doesNotContain("Secret Friend").doesNotContain("bob-secret").doesNotContain("Bob Private");
        }
        assertThat(state(bob, bob.personalBook())).as("bob's book is as it was").isEqualTo(bobsBook);
        assertThat(bob.dav().get(bobSecret).expect(200).text()).contains("Bob's Secret Friend");

        Multistatus mg = alice.dav().report(alice.personalBook(), 0, Fixtures.read("requests/multiget.xml",
                Map.of("hrefs", hrefsXml(List.of(bobSecret, alice.personalBook() + "../../" + bob.username()
                        + "/contacts/secret.vcf"))))).multistatus();
        assertThat(mg.entries()).hasSize(2).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.ok(Ns.CARDDAV, "address-data")).isNull();
        });
    }

    @Test
    void xmlWithExternalEntitiesIsRefusedAndNothingLeaks() {
        String book = alice.personalBook();
        String before = bookProps(alice, book).text(Ns.DAV, "displayname");
        DavResponse r = alice.dav().call("PROPPATCH", book).xml(Fixtures.read("requests/xxe-proppatch.xml")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.text()).doesNotContain("root:");
        assertThat(bookProps(alice, book).text(Ns.DAV, "displayname")).isEqualTo(before).doesNotContain("root:");
    }

    @Test
    void entityExpansionIsRefusedQuickly() {
        long start = System.nanoTime();
        DavResponse r = alice.dav().call("PROPFIND", alice.groupBook(gid)).depth(0)
                .xml(Fixtures.read("requests/entity-expansion-propfind.xml")).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(5_000);
        assertThat(r.text()).doesNotContain("aaaaaaaaaaaaaaaaaaaa");
    }

    @Test
    void malformedXmlIsA400() {
        DavResponse r = alice.dav().call("PROPFIND", alice.groupBook(gid)).depth(0)
                .xml(Fixtures.read("requests/malformed.xml")).send();
        assertThat(r.status()).isEqualTo(400);
        DavResponse report = alice.dav().call("REPORT", alice.groupBook(gid)).depth(0).xml("<not-a-report/>").send();
        assertThat(report.status()).as(report.toString()).isEqualTo(403);
        assertThat(report.conditions()).contains(Multistatus.key(Ns.DAV, "supported-report"));
    }

    @Test
    void aBodyOverMaxResourceSizeIs413WithThePrecondition() {
        String book = alice.personalBook();
        long max = Long.parseLong(bookProps(alice, book).text(Ns.CARDDAV, "max-resource-size"));
        String token = syncToken(alice, book);
        String note = "NOTE:" + "x".repeat((int) max + 1024);
        String href = book + "huge.vcf";
        DavResponse r = alice.dav().call("PUT", href).header("If-None-Match", "*")
                .vcard(VCardText.v3("huge-uid", "Huge", note)).send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.conditions()).contains(Multistatus.key(Ns.CARDDAV, "max-resource-size"));
        assertThat(alice.dav().get(href).status()).isEqualTo(404);
        assertThat(syncToken(alice, book)).isEqualTo(token);

        String own = cardHref(alice.groupBook(gid), alice.uid());
        String ownEtag = alice.dav().get(own).etag();
        DavResponse ownHuge = alice.dav().call("PUT", own).vcard(VCardText.v3(alice.uid(), "Huge Alice", note)).send();
        assertThat(ownHuge.status()).isEqualTo(413);
        assertThat(ownHuge.conditions()).contains(Multistatus.key(Ns.CARDDAV, "max-resource-size"));
        assertThat(alice.dav().get(own).etag()).isEqualTo(ownEtag);
    }

    @Test
    void invalidVCardsAreRefusedWithValidAddressData() {
        String book = alice.personalBook();
        String token = syncToken(alice, book);
        List<String> invalid = List.of(
                "this is not a vCard",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-1\r\nFN:No end\r\n",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-2\r\nFN:One\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-3\r\nFN:Two\r\nEND:VCARD\r\n",
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
        int i = 0;
        for (String body : invalid) {
            String href = book + "invalid-" + i++ + ".vcf";
            DavResponse r = alice.dav().putCard(href, body);
            assertThat(r.status()).as("PUT " + body).isEqualTo(403);
            assertThat(r.conditions()).as("PUT " + body).contains(Multistatus.key(Ns.CARDDAV, "valid-address-data"));
            assertThat(alice.dav().get(href).status()).isEqualTo(404);
        }
        assertThat(syncToken(alice, book)).isEqualTo(token);

        String own = cardHref(alice.groupBook(gid), alice.uid());
        String ownEtag = alice.dav().get(own).etag();
        DavResponse r = alice.dav().putCard(own, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No end\r\n");
        assertThat(r.conditions()).contains(Multistatus.key(Ns.CARDDAV, "valid-address-data"));
        assertThat(alice.dav().get(own).etag()).isEqualTo(ownEtag);
    }

    @Test
    void aNonVCardMediaTypeIsRefused() {
        String href = alice.personalBook() + "json.vcf";
        DavResponse r = alice.dav().call("PUT", href).header("Content-Type", "application/json")
                .body("{\"fn\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.conditions()).contains(Multistatus.key(Ns.CARDDAV, "supported-address-data"));
        assertThat(alice.dav().get(href).status()).isEqualTo(404);
    }

    @Test
    void aUidCollisionInOneBookIsNoUidConflictAndNothingIsWritten() {
        String book = alice.personalBook();
        String first = book + "first.vcf";
        assertThat(alice.dav().putCard(first, VCardText.v3("same-uid-1", "First")).status()).isEqualTo(201);
        String token = syncToken(alice, book);
        String ctag = ctag(alice, book);
        String second = book + "second.vcf";
        DavResponse r = alice.dav().putCard(second, VCardText.v3("same-uid-1", "Second"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.conditions()).contains(Multistatus.key(Ns.CARDDAV, "no-uid-conflict"));
        var conflict = r.condition(Ns.CARDDAV, "no-uid-conflict");
        assertThat(Multistatus.descendants(conflict, Ns.DAV, "href").stream().map(h -> Hrefs.path(h.getTextContent().strip())))
                .as("the conflict names the card that holds the UID").containsExactly(first);
        assertThat(alice.dav().get(second).status()).isEqualTo(404);
        assertThat(alice.dav().get(first).text()).contains("FN:First");
        assertThat(syncToken(alice, book)).isEqualTo(token);
        assertThat(ctag(alice, book)).isEqualTo(ctag);

        String other = alice.home() + "second-book/";
        alice.dav().call("MKCOL", other).xml(Fixtures.read("requests/mkcol-addressbook.xml",
                Map.of("displayname", "Second", "description", ""))).send().expect(201);
        assertThat(alice.dav().putCard(other + "x.vcf", VCardText.v3("same-uid-1", "Elsewhere")).status())
                .as("the same UID in another book is fine").isEqualTo(201);
    }

    /** Fails unless {@code href} is {@code decodedPath} encoded exactly once. */
    private static void encodedOnce(String href, String decodedPath) {
        String path = Hrefs.path(href);
        assertThat(Hrefs.decode(path)).as("decoding " + path + " once").isEqualTo(decodedPath);
        assertThat(path).as("no raw space or non-ASCII").matches("[\\x21-\\x7e]+");
        assertThat(path).as("not encoded twice").doesNotContain("%2520", "%2540", "%25E9", "%2525");
    }

    @Test
    void everyAnswerCarriesNamesWithSpaceAtPercentAndHanEncodedOnce() {
        String bookName = "Friends @ 100% 陈";
        String book = alice.home() + Hrefs.encodeSegment(bookName) + "/";
        String decodedBook = alice.home() + bookName + "/";
        alice.dav().call("MKCOL", book).xml(Fixtures.read("requests/mkcol-addressbook.xml",
                Map.of("displayname", Fixtures.esc(bookName), "description", ""))).send().expect(201);
        String token = sync(alice, book, "").syncToken();
        String sent = book + "a%20b%40c%25d%E9%99%88.vcf";
        String name = "a b@c%d陈.vcf";
        alice.dav().putCard(sent, VCardText.v3("odd-name-uid", "Odd Name")).expect(201);

        Multistatus home = propfind(alice, alice.home(), 1, "book-properties.xml");
        encodedOnce(home.entryEndingWith(decodedBook).href(), decodedBook);
        Multistatus listing = propfind(alice, book, 1, "card-properties.xml");
        encodedOnce(listing.entryEndingWith(decodedBook).href(), decodedBook);
        String listed = listing.entryEndingWith(decodedBook + name).href();
        encodedOnce(listed, decodedBook + name);
        Multistatus changes = sync(alice, book, token);
        assertThat(changes.entries()).hasSize(1);
        encodedOnce(changes.entries().get(0).href(), decodedBook + name);
        Multistatus mg = alice.dav().report(book, 0, Fixtures.read("requests/multiget.xml",
                Map.of("hrefs", hrefsXml(List.of(sent))))).multistatus();
        assertThat(mg.entries()).hasSize(1);
        encodedOnce(mg.entries().get(0).href(), decodedBook + name);
        assertThat(mg.entries().get(0).text(Ns.CARDDAV, "address-data")).contains("UID:odd-name-uid");
        String queried = alice.dav().report(book, 1, Fixtures.read("requests/query-text.xml", Map.of("property", "FN",
                "collation", "i;unicode-casemap", "matchType", "equals", "text", "odd name"))).multistatus().hrefs().get(0);
        encodedOnce(queried, decodedBook + name);
        for (String href : List.of(listed, changes.entries().get(0).href(), mg.entries().get(0).href(), queried)) {
            assertThat(alice.dav().get(Hrefs.path(href)).expect(200).text()).contains("UID:odd-name-uid");
        }
        alice.dav().delete(Hrefs.path(listed)).expect(204);
        Multistatus removed = sync(alice, book, changes.syncToken());
        assertThat(removed.entries()).hasSize(1);
        encodedOnce(removed.entries().get(0).href(), decodedBook + name);
        assertThat(removed.entries().get(0).status()).isEqualTo(404);
    }

    @Test
    void hrefsWithSpecialCharactersAreEncodedOnceAndDecodedOnce() {
        String book = alice.personalBook();
        String name = "a@b c%41 陈雪松+1.vcf";
        String href = book + Hrefs.encodeSegment(name);
        DavResponse put = alice.dav().putCard(href, VCardText.v3("special-name-uid", "Special"));
        assertThat(put.status()).isEqualTo(201);

        Multistatus listing = propfind(alice, book, 1, "card-properties.xml");
        String listed = listing.hrefs().stream().filter(h -> Hrefs.decode(h).contains("Special") || Hrefs.decode(h).contains("陈雪松"))
                .findFirst().orElseThrow(() -> new AssertionError("the card is not listed: " + listing.hrefs()));
        assertThat(Hrefs.decode(Hrefs.path(listed))).as("decoding the listed href once gives the name back")
                .isEqualTo(Hrefs.decode(book) + name);
        assertThat(Hrefs.path(listed)).as("no raw space or non-ASCII in an href").doesNotContain(" ").matches("\\p{ASCII}+");
        DavResponse get = alice.dav().get(Hrefs.path(listed)).expect(200);
        assertThat(get.text()).contains("UID:special-name-uid");
        assertThat(alice.dav().get(book + "a@b%20c%2541%20%E9%99%88%E9%9B%AA%E6%9D%BE+1.vcf").status())
                .as("'@' and '+' may stay literal in a path").isEqualTo(200);
        assertThat(alice.dav().get(book + Hrefs.encodeSegment("a@b cA 陈雪松+1.vcf")).status())
                .as("%41 is not decoded twice").isEqualTo(404);

        String bookName = "Family @ 50% 陈";
        String special = alice.home() + Hrefs.encodeSegment(bookName) + "/";
        alice.dav().call("MKCOL", special).xml(Fixtures.read("requests/mkcol-addressbook.xml",
                Map.of("displayname", Fixtures.esc(bookName), "description", ""))).send().expect(201);
        List<String> books = propfind(alice, alice.home(), 1, "book-properties.xml").hrefs();
        assertThat(books.stream().map(h -> Hrefs.decode(Hrefs.path(h)))).contains(alice.home() + bookName + "/");
        assertThat(alice.dav().putCard(special + "x%40y.vcf", VCardText.v3("in-special-book", "In special")).status())
                .isEqualTo(201);
        assertThat(propfind(alice, special, 1, "card-properties.xml").hrefs().stream().map(h -> Hrefs.decode(Hrefs.path(h))))
                .contains(alice.home() + bookName + "/x@y.vcf");
    }
}
