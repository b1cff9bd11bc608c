package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Discovery (RFC 6764, RFC 5397, RFC 6352 §7) and the properties clients read from books:
 * what a client given only the server's address and a password needs to find everything.
 */
class DiscoveryTest extends DavSuite {
    private Person alice;
    private Person bob;
    private String classmates;
    private String family;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("disc-alice", "Alice");
        bob = person("disc-bob", "Bob");
        classmates = People.group(alice, "大学同学", "Class of 2010", bob);
        family = People.group(bob, "Family & friends", "<the> family", alice);
    }

    @Test
    void wellKnownRedirectsToTheDavRoot() {
        for (String method : List.of("GET", "PROPFIND")) {
            DavResponse r = DavClient.anonymous(base()).call(method, "/.well-known/carddav").depth(0).send();
            assertThat(r.status()).as(method + " /.well-known/carddav").isEqualTo(301);
            assertThat(Hrefs.path(r.header("Location"))).isEqualTo("/dav/");
        }
    }

    @Test
    void everyDavRequestNeedsCredentials() {
        DavClient nobody = DavClient.anonymous(base());
        for (String path : List.of("/dav/", alice.principal(), alice.home(), alice.groupBook(classmates))) {
            DavResponse r = nobody.call("PROPFIND", path).depth(0)
                    .xml(Fixtures.read("requests/current-user-principal.xml")).send();
            assertThat(r.status()).as("PROPFIND " + path + " without credentials").isEqualTo(401);
            assertThat(r.headers("WWW-Authenticate")).contains("Basic realm=\"Kith\"");
        }
        DavResponse wrong = DavClient.as(base(), alice.username(), "not the password")
                .propfind("/dav/", 0, Fixtures.read("requests/current-user-principal.xml"));
        assertThat(wrong.status()).isEqualTo(401);
        String card = cardHref(alice.groupBook(classmates), bob.uid());
        assertThat(nobody.get(card).status()).as("GET a card without credentials").isEqualTo(401);
        assertThat(nobody.get(card).text()).doesNotContain("Bob");
    }

    @Test
    void anAppPasswordIsEnoughToFindEverything() {
        String appPassword = alice.api().post("/api/v1/app-passwords", Map.of("name", "phone")).expect(201).json()
                .get("password").asText();
        DavClient phone = DavClient.as(base(), alice.username(), appPassword);
        Multistatus root = phone.propfind("/dav/", 0, Fixtures.read("requests/current-user-principal.xml")).multistatus();
        List<String> principal = root.entries().get(0).hrefsIn(Ns.DAV, "current-user-principal");
        assertThat(principal).hasSize(1);
        assertThat(Hrefs.path(principal.get(0))).isEqualTo(alice.principal());

        Multistatus p = phone.propfind(Hrefs.path(principal.get(0)), 0,
                Fixtures.read("requests/addressbook-home-set.xml")).multistatus();
        List<String> home = p.entries().get(0).hrefsIn(Ns.CARDDAV, "addressbook-home-set");
        assertThat(home).hasSize(1);
        assertThat(Hrefs.path(home.get(0))).isEqualTo(alice.home());

        Multistatus books = phone.propfind(alice.home(), 1, Fixtures.read("requests/book-properties.xml")).multistatus();
        List<String> paths = books.hrefs().stream().map(Hrefs::path).toList();
        assertThat(paths).contains(alice.mergedBook(), alice.groupBook(classmates), alice.groupBook(family),
                alice.personalBook());
    }

    @Test
    void optionsAdvertiseCardDav() {
        for (String path : List.of("/dav/", alice.principal(), alice.home(), alice.mergedBook(),
                alice.groupBook(classmates), alice.personalBook())) {
            DavResponse r = alice.dav().call("OPTIONS", path).send();
            assertThat(r.status()).as("OPTIONS " + path).isEqualTo(200);
            List<String> classes = List.of(String.join(",", r.headers("DAV")).replace(" ", "").split(","));
            assertThat(classes).as("DAV header of " + path).contains("1", "3", "addressbook");
        }
        String allow = String.join(",", alice.dav().call("OPTIONS", alice.personalBook()).send().headers("Allow"));
        assertThat(allow).contains("PROPFIND", "REPORT", "PUT", "DELETE", "GET");
    }

    @Test
    void booksAreListedMergedFirstThenGroupsThenPersonal() {
        Multistatus ms = propfind(alice, alice.home(), 1, "book-properties.xml");
        List<String> paths = ms.hrefs().stream().map(Hrefs::path).toList();
        assertThat(paths.get(0)).as("depth 1 starts with the home itself").isEqualTo(alice.home());
        int merged = paths.indexOf(alice.mergedBook());
        int g1 = paths.indexOf(alice.groupBook(classmates));
        int g2 = paths.indexOf(alice.groupBook(family));
        int personal = paths.indexOf(alice.personalBook());
        assertThat(merged).as("merged book listed in " + paths).isPositive();
        assertThat(g1).isGreaterThan(merged);
        assertThat(g2).isGreaterThan(merged);
        assertThat(personal).isGreaterThan(Math.max(g1, g2));
        for (String book : List.of(alice.mergedBook(), alice.groupBook(classmates), alice.personalBook())) {
            Multistatus.Entry e = ms.entryEndingWith(book);
            assertThat(e.hasResourceType(Ns.DAV, "collection")).as(book + " is a collection").isTrue();
            assertThat(e.hasResourceType(Ns.CARDDAV, "addressbook")).as(book + " is an address book").isTrue();
        }
        assertThat(ms.entryEndingWith(alice.groupBook(classmates)).text(Ns.DAV, "displayname")).isEqualTo("大学同学");
        assertThat(ms.entryEndingWith(alice.groupBook(classmates)).text(Ns.CARDDAV, "addressbook-description"))
                .isEqualTo("Class of 2010");
        assertThat(ms.entryEndingWith(alice.groupBook(family)).text(Ns.DAV, "displayname")).isEqualTo("Family & friends");
        assertThat(ms.entryEndingWith(alice.groupBook(family)).text(Ns.CARDDAV, "addressbook-description"))
                .isEqualTo("<the> family");
        assertThat(ms.entryEndingWith(alice.mergedBook()).text(Ns.DAV, "displayname")).isNotBlank();
    }

    @Test
    void everyBookCarriesThePropertiesClientsRelyOn() {
        for (String book : List.of(alice.mergedBook(), alice.groupBook(classmates), alice.personalBook())) {
            Multistatus.Entry e = bookProps(alice, book);
            assertThat(e.text(Ns.CS, "getctag")).as("getctag of " + book).isNotBlank();
            assertThat(e.text(Ns.DAV, "sync-token")).as("sync-token of " + book + " is a URI").matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.+");
            var types = Multistatus.descendants(e.ok(Ns.CARDDAV, "supported-address-data"), Ns.CARDDAV, "address-data-type");
            List<String> versions = types.stream()
                    .filter(t -> "text/vcard".equals(t.getAttribute("content-type")))
                    .map(t -> t.getAttribute("version")).toList();
            assertThat(versions).as("supported-address-data of " + book).contains("3.0", "4.0");
            assertThat(Long.parseLong(e.text(Ns.CARDDAV, "max-resource-size"))).isPositive();
            assertThat(Long.parseLong(e.text(Ns.CARDDAV, "max-image-size"))).isPositive();
            var reportSet = e.ok(Ns.DAV, "supported-report-set");
            assertThat(reportSet).as("supported-report-set of " + book).isNotNull();
            List<String> reports = Multistatus.descendants(reportSet, Ns.DAV, "report").stream()
                    .flatMap(r -> Multistatus.children(r).stream())
                    .map(x -> Multistatus.key(x.getNamespaceURI(), x.getLocalName())).toList();
            assertThat(reports).as("reports inside DAV:report elements").contains(
                    Multistatus.key(Ns.CARDDAV, "addressbook-multiget"),
                    Multistatus.key(Ns.CARDDAV, "addressbook-query"),
                    Multistatus.key(Ns.DAV, "sync-collection"));
            assertThat(e.hrefsIn(Ns.DAV, "owner").stream().map(Hrefs::path)).containsExactly(alice.principal());
            assertThat(e.privileges()).as("privileges on " + book).contains("read");
        }
        assertThat(bookProps(alice, alice.personalBook()).privileges()).as("the personal book is writable")
                .containsAnyOf("write", "write-content", "bind", "all");
    }

    @Test
    void depthOneListsCardsWithTypeAndStrongEtags() {
        Multistatus ms = propfind(alice, alice.groupBook(classmates), 1, "card-properties.xml");
        List<Multistatus.Entry> cards = ms.entries().stream()
                .filter(e -> !e.hasResourceType(Ns.DAV, "collection")).toList();
        assertThat(cards.stream().map(e -> Hrefs.decode(Hrefs.path(e.href()))))
                .containsExactlyInAnyOrder(Hrefs.decode(cardHref(alice.groupBook(classmates), alice.uid())),
                        Hrefs.decode(cardHref(alice.groupBook(classmates), bob.uid())));
        for (Multistatus.Entry c : cards) {
            assertThat(c.text(Ns.DAV, "getcontenttype")).startsWith("text/vcard");
            assertThat(c.text(Ns.DAV, "getetag")).as("a quoted strong ETag").matches("^\"[^\"]+\"$");
        }
    }

    @Test
    void propnameAndAllpropDescribeTheBook() {
        Multistatus.Entry names = propfind(alice, alice.groupBook(classmates), 0, "propname.xml").entries().get(0);
        assertThat(names.props().keySet()).contains(Multistatus.key(Ns.DAV, "resourcetype"),
                Multistatus.key(Ns.DAV, "displayname"), Multistatus.key(Ns.CARDDAV, "addressbook-description"));
        assertThat(names.props().values()).as("propname gives names only")
                .allSatisfy(p -> assertThat(p.element().getChildNodes().getLength()).isZero());
        Multistatus.Entry all = propfind(alice, alice.groupBook(classmates), 0, "allprop.xml").entries().get(0);
        assertThat(all.text(Ns.DAV, "displayname")).isEqualTo("大学同学");
        assertThat(all.hasResourceType(Ns.CARDDAV, "addressbook")).isTrue();
    }

    @Test
    void depthInfinityOnABookIsDepthOneAndOnTheHomeIsRefused() {
        String book = alice.groupBook(classmates);
        String body = Fixtures.read("requests/card-properties.xml");
        List<String> one = alice.dav().propfind(book, 1, body).multistatus().hrefs();
        Multistatus infinity = alice.dav().call("PROPFIND", book).header("Depth", "infinity").xml(body).send().multistatus();
        assertThat(infinity.hrefs()).as("a book's cards have no members: infinity is depth 1").isEqualTo(one);
        Multistatus noDepth = alice.dav().call("PROPFIND", book).xml(body).send().multistatus();
        assertThat(noDepth.hrefs()).as("no Depth header means infinity (RFC 4918 §9.1)").isEqualTo(one);

        for (DavResponse home : List.of(
                alice.dav().call("PROPFIND", alice.home()).header("Depth", "infinity").xml(body).send(),
                alice.dav().call("PROPFIND", alice.home()).xml(body).send())) {
            assertThat(home.status()).as("the cards below the books would be missing: refused").isEqualTo(403);
            assertThat(home.conditions()).contains(Multistatus.key(Ns.DAV, "propfind-finite-depth"));
        }
        assertThat(alice.dav().call("PROPFIND", book).header("Depth", "2").xml(body).send().status()).isEqualTo(400);
    }

    @Test
    void propnameAndAllpropOnCards() {
        String card = cardHref(alice.groupBook(classmates), bob.uid());
        Multistatus.Entry names = propfind(alice, card, 0, "propname.xml").entries().get(0);
        assertThat(names.props().keySet()).contains(Multistatus.key(Ns.DAV, "getetag"),
                Multistatus.key(Ns.DAV, "getcontenttype"), Multistatus.key(Ns.CARDDAV, "address-data"),
                Multistatus.key(Ns.DAV, "current-user-privilege-set"));
        assertThat(names.props().values()).allSatisfy(p -> assertThat(p.element().getChildNodes().getLength()).isZero());

        Multistatus all = propfind(alice, alice.groupBook(classmates), 1, "allprop.xml");
        assertThat(all.entries()).hasSize(3);
        Multistatus.Entry bobs = all.entryEndingWith(card);
        assertThat(bobs.text(Ns.DAV, "getetag")).isEqualTo(alice.dav().get(card).etag());
        assertThat(bobs.text(Ns.DAV, "getcontenttype")).startsWith("text/vcard");
        assertThat(bobs.statusOf(Ns.CARDDAV, "address-data")).as("allprop leaves address-data out (RFC 6352 §6.3.2.1)")
                .isZero();
    }

    @Test
    void anUnknownPropertyIsA404InItsOwnPropstat() {
        Multistatus.Entry e = propfind(alice, alice.groupBook(classmates), 0, "unknown-property.xml").entries().get(0);
        assertThat(e.statusOf(Ns.DAV, "displayname")).isEqualTo(200);
        assertThat(e.statusOf("urn:example:kith-tests", "no-such-property")).isEqualTo(404);
    }

    @Test
    void withPreferReturnMinimalTheMissingPropertiesAreLeftOut() {
        DavResponse r = alice.dav().call("PROPFIND", alice.groupBook(classmates)).depth(0)
                .header("Prefer", "return=minimal").xml(Fixtures.read("requests/unknown-property.xml")).send();
        assertThat(r.header("Preference-Applied")).isEqualTo("return=minimal");
        Multistatus.Entry e = r.multistatus().entries().get(0);
        assertThat(e.statusOf(Ns.DAV, "displayname")).isEqualTo(200);
        assertThat(e.statusOf("urn:example:kith-tests", "no-such-property")).as("RFC 8144: no 404 propstat").isZero();
        assertThat(alice.dav().propfind(alice.groupBook(classmates), 0, Fixtures.read("requests/unknown-property.xml"))
                .header("Preference-Applied")).as("without the preference nothing is left out").isNull();
    }

    @Test
    void cardPrivilegesSayWhichCardsAreMine() {
        String book = alice.groupBook(classmates);
        Multistatus ms = propfind(alice, book, 1, "card-properties.xml");
        List<String> mine = ms.entryEndingWith(cardHref(book, alice.uid())).privileges();
        List<String> bobs = ms.entryEndingWith(cardHref(book, bob.uid())).privileges();
        assertThat(mine).contains("read").containsAnyOf("write", "write-content", "all");
        assertThat(bobs).contains("read").doesNotContain("write", "write-content", "all", "unbind", "write-properties");
    }

    @Test
    void privilegesPromiseOnlyWhatTheServerAllows() {
        for (String book : List.of(alice.mergedBook(), alice.groupBook(classmates))) {
            List<String> privileges = bookProps(alice, book).privileges();
            // my own card is still accepted here (iOS writes it in all/), but the book says read-only:
            // DAVx5 judges per book, and I edit my card in me/ (see AndroidWritesTest)
            assertThat(privileges).as(book + ": read-only for clients that judge per book").contains("read")
                    .doesNotContain("write-content");
            assertThat(privileges).as(book + ": no new cards, no renaming").doesNotContain("write", "bind", "unbind",
                    "write-properties", "all");
            DavResponse rename = alice.dav().call("PROPPATCH", book).xml(Fixtures.read("requests/proppatch-names.xml",
                    Map.of("displayname", "Renamed", "description", ""))).send();
            assertThat(rename.status() == 403 || rename.multistatus().entries().get(0).statusOf(Ns.DAV, "displayname") == 403)
                    .as("PROPPATCH on " + book + " is refused, as the privileges say").isTrue();
        }
        Map<String, String> merged = cards(alice, alice.mergedBook(), false);
        Multistatus listing = propfind(alice, alice.mergedBook(), 1, "card-properties.xml");
        for (Map.Entry<String, String> card : merged.entrySet()) {
            String uid = VCardText.parse(card.getValue()).first("UID").orElseThrow();
            List<String> privileges = listing.entryEndingWith(card.getKey()).privileges();
            if (uid.equals(alice.uid())) {
                assertThat(privileges).as("my own card").contains("read", "write-content").doesNotContain("write-properties");
            } else {
                assertThat(privileges).as("card " + uid).containsExactlyInAnyOrder("read", "read-current-user-privilege-set");
            }
        }
        assertThat(merged.values()).as("the group cards are among the read-only ones")
                .anyMatch(c -> c.contains("X-ADDRESSBOOKSERVER-KIND:group"));
        assertThat(bookProps(alice, alice.personalBook()).privileges()).contains("read", "write", "write-content",
                "write-properties", "bind", "unbind");
    }

    @Test
    void meCardNeverPointsAtNothing() {
        Person loner = person("disc-loner", "Loner");
        for (String path : List.of(loner.home(), loner.principal())) {
            Multistatus.Entry e = propfind(loner, path, 0, "me-card.xml").entries().get(0);
            assertThat(e.statusOf(Ns.CS, "me-card")).as("in no group, my card is in no book: no me-card on " + path)
                    .isEqualTo(404);
        }
        People.group(loner, "Just me", "");
        List<String> me = propfind(loner, loner.home(), 0, "me-card.xml").entries().get(0).hrefsIn(Ns.CS, "me-card");
        assertThat(me).hasSize(1);
        assertThat(VCardText.parse(loner.dav().get(Hrefs.path(me.get(0))).expect(200).text()).first("UID"))
                .contains(loner.uid());
    }

    @Test
    void meCardPointsAtMyOwnCard() {
        Multistatus ms = propfind(alice, alice.home(), 0, "me-card.xml");
        List<String> me = ms.entries().get(0).hrefsIn(Ns.CS, "me-card");
        assertThat(me).as("me-card on the address book home").hasSize(1);
        DavResponse card = alice.dav().get(Hrefs.path(me.get(0))).expect(200);
        assertThat(VCardText.parse(card.text()).first("UID")).contains(alice.uid());
    }
}
