package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input a server must refuse, precisely and without side effects: XML with DOCTYPE or entities,
 * oversized bodies, invalid vCards, UID collisions; and names that need percent-encoding.
 */
abstract class HostileInputTest extends DavSuite {
    private Person alice;
    private String gid;

    @BeforeAll
    void people() {
        alice = person("hostile-alice", "Alice");
        Person bob = person("hostile-bob", "Bob");
        gid = People.group(alice, "Hostile", "", bob);
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
        assertThat(report.status()).as(report.toString()).isIn(400, 403, 501);
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
            assertThat(r.status()).as("PUT " + body).isBetween(400, 499);
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
        assertThat(r.status()).isIn(400, 403, 409, 415);
        if (r.status() != 415) {
            assertThat(r.conditions()).contains(Multistatus.key(Ns.CARDDAV, "supported-address-data"));
        }
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
        assertThat(r.status()).isIn(403, 409);
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
