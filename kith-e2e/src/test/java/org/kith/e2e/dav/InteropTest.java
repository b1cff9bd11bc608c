package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * What real clients and Apple's CalDAVTester (its CardDAV suites) expect beyond the everyday
 * sync: discovery on the server's bare address, the UID of a resource kept across PUTs,
 * vCards with control characters and malformed PROPFIND bodies refused, addressbook-query on
 * one card, and vCards that come without a UID.
 */
class InteropTest extends DavSuite {
    private Person alice;
    private Person bob;
    private String gid;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("interop-alice", "Alice");
        bob = person("interop-bob", "Bob");
        gid = People.group(alice, "Interop", "", bob);
    }

    @Test
    void propfindOnTheServersAddressNamesThePrincipal() {
        // DAVx5 given only "https://host" sends this first (its DavResourceFinder.checkBaseURL)
        String body = Fixtures.read("davx5/01-base-url.xml");
        DavResponse challenge = alice.dav().call("PROPFIND", "/").depth(0).withoutCredentials().xml(body).send();
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"));

        DavResponse r = alice.dav().call("PROPFIND", "/").depth(0).xml(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(207);
        Multistatus.Entry front = r.multistatus().entries().get(0);
        assertThat(Hrefs.path(front.href())).isEqualTo("/");
        assertThat(front.hrefsIn(Ns.DAV, "current-user-principal").stream().map(Hrefs::path))
                .containsExactly(alice.principal());
        assertThat(front.hasResourceType(Ns.DAV, "collection")).isTrue();
        // the principal the client goes on to must offer CardDAV (its providesService: OPTIONS)
        assertThat(String.join(",", alice.dav().call("OPTIONS", alice.principal()).send().headers("DAV")))
                .contains("addressbook");
    }

    @Test
    void optionsOnTheServersAddressSaysCardDavAndGetStillOpensTheWebUi() {
        DavResponse options = alice.dav().call("OPTIONS", "/").withoutCredentials().send();
        assertThat(options.status()).isEqualTo(200);
        assertThat(String.join(",", options.headers("DAV"))).contains("addressbook");
        assertThat(String.join(",", options.headers("Allow"))).contains("PROPFIND", "GET");
        DavResponse get = alice.dav().call("GET", "/").withoutCredentials().send();
        assertThat(get.status()).isEqualTo(303);
        assertThat(get.header("Location")).isEqualTo("/web/");
    }

    @Test
    void aPutThatChangesTheUidOfACardIsRefused() {
        String href = alice.personalBook() + "uid-kept.vcf";
        alice.dav().putCard(href, VCardText.v3("uid-kept-1", "Kept")).expect(201);
        String token = syncToken(alice, alice.personalBook());
        DavResponse r = alice.dav().putCard(href, VCardText.v3("uid-kept-2", "Changed"));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.conditions()).contains(Multistatus.key(Ns.CARDDAV, "no-uid-conflict"));
        assertThat(VCardText.parse(alice.dav().get(href).expect(200).text()).first("UID")).contains("uid-kept-1");
        assertThat(syncToken(alice, alice.personalBook())).isEqualTo(token);
        // the same UID with new content is an ordinary update
        assertThat(alice.dav().putCard(href, VCardText.v3("uid-kept-1", "Kept Again")).status()).isEqualTo(204);
    }

    @Test
    void aVCardWithAControlCharacterIsRefused() {
        String bell = VCardText.v3("bell-1", "Bell", "NOTE:Illegal control here ->\u0007<-");
        String href = alice.personalBook() + "bell.vcf";
        DavResponse r = alice.dav().putCard(href, bell);
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.conditions()).contains(Multistatus.key(Ns.CARDDAV, "valid-address-data"));
        assertThat(alice.dav().get(href).status()).isEqualTo(404);

        String own = cardHref(alice.groupBook(gid), alice.uid());
        String etag = alice.dav().get(own).etag();
        DavResponse mine = alice.dav().call("PUT", own).header("If-Match", etag)
                .vcard(VCardText.v3(alice.uid(), "Alice", "NOTE:a\u0000b")).send();
        assertThat(mine.status()).as(mine.toString()).isEqualTo(403);
        assertThat(mine.conditions()).contains(Multistatus.key(Ns.CARDDAV, "valid-address-data"));
        assertThat(alice.dav().get(own).etag()).isEqualTo(etag);
    }

    @Test
    void propfindBodiesWithInvalidElementsAre400() {
        String book = alice.personalBook();
        List<String> invalid = List.of(
                "<D:propfind xmlns:D=\"DAV:\"><D:allprop/><D:propname/></D:propfind>",
                "<D:propfind xmlns:D=\"DAV:\"><D:undefined/></D:propfind>",
                "<D:propfind xmlns:D=\"DAV:\"/>",
                "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop><D:include><D:getetag/></D:include></D:propfind>",
                "<D:propfind xmlns:D=\"DAV:\"><D:prop><bar:foo xmlns:bar=\"\"/></D:prop></D:propfind>");
        for (String body : invalid) {
            DavResponse r = alice.dav().call("PROPFIND", book).depth(0).xml(body).send();
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
        }
        DavResponse extended = alice.dav().call("PROPFIND", book).depth(0)
                .xml("<D:propfind xmlns:D=\"DAV:\"><D:foobar/><D:allprop/></D:propfind>").send();
        assertThat(extended.status()).as("an unknown element beside allprop is an extension").isEqualTo(207);
        DavResponse unknownProperty = alice.dav().call("PROPFIND", book).depth(0)
                .xml("<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/><D:undefined/></D:prop></D:propfind>").send();
        assertThat(unknownProperty.status()).isEqualTo(207);
        assertThat(unknownProperty.multistatus().entries().get(0).statusOf(Ns.DAV, "undefined")).isEqualTo(404);
    }

    @Test
    void addressbookQueryOnOneCardAnswersForThatCard() {
        String book = alice.personalBook();
        alice.dav().putCard(book + "query-one.vcf", VCardText.v3("query-one", "Quentin One")).expect(201);
        alice.dav().putCard(book + "query-two.vcf", VCardText.v3("query-two", "Quentin Two")).expect(201);
        String quentin = "<C:prop-filter name=\"FN\"><C:text-match match-type=\"starts-with\">Quentin</C:text-match>"
                + "</C:prop-filter>";
        String zed = "<C:prop-filter name=\"FN\"><C:text-match match-type=\"starts-with\">Zed</C:text-match>"
                + "</C:prop-filter>";
        Multistatus hit = query(book + "query-one.vcf", quentin).expect(207).multistatus();
        assertThat(hit.hrefs().stream().map(Hrefs::path)).containsExactly(book + "query-one.vcf");
        assertThat(hit.entries().get(0).text(Ns.CARDDAV, "address-data")).contains("Quentin One");
        assertThat(query(book + "query-one.vcf", zed).expect(207).multistatus().entries()).isEmpty();
        assertThat(query(book + "no-such-card.vcf", quentin).status()).isEqualTo(404);
        // in a group book too
        String bobs = cardHref(alice.groupBook(gid), bob.uid());
        String bobFilter = "<C:prop-filter name=\"FN\"><C:text-match>Bob</C:text-match></C:prop-filter>";
        assertThat(query(bobs, bobFilter).expect(207).multistatus().hrefs().stream().map(Hrefs::path))
                .containsExactly(bobs);
    }

    private DavResponse query(String href, String filter) {
        return alice.dav().report(href, 0, Fixtures.read("requests/query-filter.xml",
                Map.of("version", "3.0", "test", "anyof", "filters", filter)));
    }

    @Test
    void aVCardWithoutUidGetsOneAndKeepsIt() {
        String href = alice.personalBook() + "no-uid.vcf";
        String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No Uid\r\nN:Uid;No;;;\r\nEND:VCARD\r\n";
        DavResponse created = alice.dav().putCard(href, card);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).as("the stored card is not the bytes sent: no ETag (RFC 6352 §6.3.2.3)").isNull();
        String uid = VCardText.parse(alice.dav().get(href).expect(200).text()).first("UID").orElseThrow();
        assertThat(uid).isNotBlank();
        assertThat(alice.dav().putCard(href, card.replace("No Uid", "Still No Uid")).status()).isEqualTo(204);
        VCardText again = VCardText.parse(alice.dav().get(href).expect(200).text());
        assertThat(again.first("UID")).contains(uid);
        assertThat(again.first("FN")).contains("Still No Uid");
        // a second card without UID gets its own
        alice.dav().putCard(alice.personalBook() + "no-uid-2.vcf", card).expect(201);
        assertThat(VCardText.parse(alice.dav().get(alice.personalBook() + "no-uid-2.vcf").text()).first("UID"))
                .isPresent().get().isNotEqualTo(uid);
    }
}
