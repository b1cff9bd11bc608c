package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Reading books: the merged and group books' contents, GET/HEAD, vCard 3 and 4, ETags,
 * addressbook-multiget and addressbook-query (RFC 6352 §8).
 */
class ReadingTest extends DavSuite {
    private final byte[] photo = Photos.jpeg(Color.RED);
    private Person alice;
    private Person bob;
    private Person carol;
    private Person dave;
    private String classmates;
    private String family;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("read-alice", "Alice");
        bob = person("read-bob", "Bob");
        carol = person("read-carol", "Carol");
        dave = person("read-dave", "Dave");
        Map<String, Object> card = new HashMap<>();
        card.put("fn", "陈雪松");
        card.put("n", Map.of("family", "陈", "given", "雪松", "additional", "", "prefixes", "", "suffixes", ""));
        card.put("tel", List.of(Map.of("type", "cell", "value", "13800138000"),
                Map.of("type", "work", "value", "+86 10 6552 9988"),
                Map.of("type", "home", "value", "010 8888 7777")));
        card.put("photo", Photos.dataUri(photo));
        alice.setCard(card);
        bob.setCard(People.card("Bob Brown", "13900139000"));
        carol.setCard(People.card("Carol Li", "13700137000"));
        dave.setCard(People.card("Dave Wu", "13600136000"));
        classmates = People.group(alice, "大学同学", "Class of 2010", bob, carol);
        family = People.group(bob, "Family", "", alice, dave);
    }

    private Map<String, VCardText> byUid(Map<String, String> cards) {
        Map<String, VCardText> out = new HashMap<>();
        for (String text : cards.values()) {
            VCardText c = VCardText.parse(text);
            String uid = c.first("UID").orElseThrow();
            assertThat(out).as("each UID once").doesNotContainKey(uid);
            out.put(uid, c);
        }
        return out;
    }

    @Test
    void aGroupBookHoldsTheCardOfEveryMember() {
        Map<String, VCardText> cards = byUid(cards(bob, bob.groupBook(classmates), false));
        assertThat(cards.keySet()).containsExactlyInAnyOrder(alice.uid(), bob.uid(), carol.uid());
        assertThat(cards.values()).noneMatch(c -> !c.all("X-ADDRESSBOOKSERVER-KIND").isEmpty());
    }

    @Test
    void theMergedBookHoldsEveryoneOnceAndOneGroupCardPerGroup() {
        Map<String, VCardText> v3 = byUid(cards(bob, bob.mergedBook(), false));
        List<VCardText> groups = new ArrayList<>();
        List<String> people = new ArrayList<>();
        v3.forEach((uid, c) -> {
            if (c.first("X-ADDRESSBOOKSERVER-KIND").map(k -> k.equalsIgnoreCase("group")).orElse(false)) {
                groups.add(c);
            } else {
                people.add(uid);
            }
        });
        assertThat(people).containsExactlyInAnyOrder(alice.uid(), bob.uid(), carol.uid(), dave.uid());
        assertThat(groups).hasSize(2);
        VCardText cls = groups.stream().filter(g -> g.first("FN").orElse("").equals("大学同学")).findFirst().orElseThrow();
        assertThat(cls.all("X-ADDRESSBOOKSERVER-MEMBER").stream().map(VCardText.Property::value))
                .containsExactlyInAnyOrder("urn:uuid:" + alice.uid(), "urn:uuid:" + bob.uid(), "urn:uuid:" + carol.uid());

        Map<String, VCardText> v4 = byUid(cards(bob, bob.mergedBook(), true));
        assertThat(v4.keySet()).as("UIDs are the same in both versions").isEqualTo(v3.keySet());
        VCardText fam4 = v4.values().stream().filter(c -> c.first("FN").orElse("").equals("Family")).findFirst().orElseThrow();
        assertThat(fam4.version()).isEqualTo("4.0");
        assertThat(fam4.first("KIND").orElse("")).isEqualToIgnoringCase("group");
        assertThat(fam4.all("MEMBER").stream().map(VCardText.Property::value))
                .containsExactlyInAnyOrder("urn:uuid:" + alice.uid(), "urn:uuid:" + bob.uid(), "urn:uuid:" + dave.uid());
    }

    @Test
    void cardsAreVCard3ByDefaultAndVCard4OnRequestWithNamesPhonesAndPhotoIntact() {
        String href = cardHref(bob.groupBook(classmates), alice.uid());
        DavResponse v3 = bob.dav().get(href).expect(200);
        assertThat(v3.header("Content-Type")).startsWith("text/vcard");
        DavResponse v4 = bob.dav().call("GET", href).header("Accept", "text/vcard; version=4.0").send().expect(200);
        VCardText c3 = VCardText.parse(v3.text());
        VCardText c4 = VCardText.parse(v4.text());
        assertThat(c3.version()).isEqualTo("3.0");
        assertThat(c4.version()).isEqualTo("4.0");
        for (VCardText c : List.of(c3, c4)) {
            assertThat(c.first("UID")).contains(alice.uid());
            assertThat(c.first("FN")).contains("陈雪松");
            assertThat(c.first("N").orElse("")).startsWith("陈;雪松");
            assertThat(c.all("TEL")).hasSize(3);
            assertThat(c.all("TEL")).anyMatch(t -> t.hasType("cell")).anyMatch(t -> t.hasType("work"))
                    .anyMatch(t -> t.hasType("home"));
            assertThat(Photos.of(c)).as("PHOTO in vCard " + c.version()).isEqualTo(photo);
        }
        assertThat(v3.etag()).as("different bytes, different strong ETags").isNotEqualTo(v4.etag());
    }

    @Test
    void etagsAreStrongStableAndMoveOnlyWithTheCard() {
        String book = bob.groupBook(classmates);
        String aliceHref = cardHref(book, alice.uid());
        String carolHref = cardHref(book, carol.uid());
        DavResponse first = bob.dav().get(aliceHref).expect(200);
        assertThat(first.etag()).matches("^\"[^\"]+\"$");
        assertThat(bob.dav().get(aliceHref).etag()).isEqualTo(first.etag());
        assertThat(etags(bob, book)).containsEntry(Hrefs.decode(aliceHref), first.etag());
        DavResponse head = bob.dav().call("HEAD", aliceHref).send().expect(200);
        assertThat(head.etag()).isEqualTo(first.etag());
        assertThat(head.bytes()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(first.bytes().length));

        carol.setCard(People.card("Carol Li", "13711137111"));
        assertThat(bob.dav().get(aliceHref).etag()).as("another card changed, not alice's").isEqualTo(first.etag());
        String carolEtag = bob.dav().get(carolHref).etag();
        carol.setCard(People.card("Carol Li", "13722137222"));
        assertThat(bob.dav().get(carolHref).etag()).isNotEqualTo(carolEtag);

        String book2 = bob.groupBook(classmates);
        DavResponse before = bob.dav().get(carolHref);
        String ctag = ctag(bob, book2);
        carol.setCard(People.card("Carol Li", "13722137222")); // the same card again
        DavResponse same = bob.dav().get(carolHref);
        assertThat(same.etag()).as("same bytes, same ETag").isEqualTo(before.etag());
        assertThat(same.bytes()).isEqualTo(before.bytes());
        assertThat(ctag(bob, book2)).as("nothing changed, the CTag stays").isEqualTo(ctag);
    }

    @Test
    void ctagsMoveOnlyForTheBookThatChanged() {
        Person owner = person("read-ctag", "Ctag Owner");
        String group = People.group(owner, "Ctag club", "", carol);
        List<String> books = List.of(owner.personalBook(), owner.groupBook(group), owner.mergedBook());
        Map<String, String> ctags = new HashMap<>();
        books.forEach(b -> ctags.put(b, ctag(owner, b)));
        books.forEach(b -> assertThat(ctag(owner, b)).as("asking twice").isEqualTo(ctags.get(b)));

        owner.dav().putCard(owner.personalBook() + "n.vcf", VCardText.v3("ctag-n", "Note Taker")).expect(201);
        assertThat(ctag(owner, owner.personalBook())).isNotEqualTo(ctags.get(owner.personalBook()));
        assertThat(ctag(owner, owner.groupBook(group))).as("a personal card is not the group's").isEqualTo(ctags.get(owner.groupBook(group)));
        assertThat(ctag(owner, owner.mergedBook())).isEqualTo(ctags.get(owner.mergedBook()));
        books.forEach(b -> ctags.put(b, ctag(owner, b)));

        carol.setCard(People.card("Carol Li", "13733137333"));
        assertThat(ctag(owner, owner.groupBook(group))).isNotEqualTo(ctags.get(owner.groupBook(group)));
        assertThat(ctag(owner, owner.mergedBook())).isNotEqualTo(ctags.get(owner.mergedBook()));
        assertThat(ctag(owner, owner.personalBook())).isEqualTo(ctags.get(owner.personalBook()));
        books.forEach(b -> ctags.put(b, ctag(owner, b)));

        dave.setCard(People.card("Dave Wu", "13644136444")); // dave shares no group with owner
        books.forEach(b -> assertThat(ctag(owner, b)).as("a stranger's change, " + b).isEqualTo(ctags.get(b)));
    }

    @Test
    void multigetReturnsEachCardAndA404ForAMissingOne() {
        String book = bob.groupBook(classmates);
        String missing = book + "no-such-card.vcf";
        String body = Fixtures.read("requests/multiget-v4.xml", Map.of("hrefs",
                hrefsXml(List.of(cardHref(book, alice.uid()), cardHref(book, carol.uid()), missing))));
        Multistatus ms = bob.dav().report(book, 0, body).multistatus();
        Multistatus.Entry a = ms.entryEndingWith(cardHref(book, alice.uid()));
        assertThat(VCardText.parse(a.text(Ns.CARDDAV, "address-data")).version()).isEqualTo("4.0");
        assertThat(a.text(Ns.DAV, "getetag")).isEqualTo(bob.dav().call("GET", cardHref(book, alice.uid()))
                .header("Accept", "text/vcard; version=4.0").send().etag());
        assertThat(ms.entryEndingWith(cardHref(book, carol.uid())).text(Ns.CARDDAV, "address-data")).contains("Carol Li");
        assertThat(ms.entryEndingWith(missing).status()).isEqualTo(404);
    }

    private List<String> query(Person p, String book, String property, String collation, String matchType, String text) {
        String body = Fixtures.read("requests/query-text.xml", Map.of("property", property, "collation", collation,
                "matchType", matchType, "text", Fixtures.esc(text)));
        List<String> fns = new ArrayList<>();
        for (Multistatus.Entry e : p.dav().report(book, 1, body).multistatus().entries()) {
            if (e.ok(Ns.CARDDAV, "address-data") != null) {
                fns.add(VCardText.parse(e.text(Ns.CARDDAV, "address-data")).first("FN").orElse(""));
            }
        }
        return fns;
    }

    @Test
    void addressbookQueryMatchesTextWithBothCollations() {
        String book = bob.groupBook(classmates);
        assertThat(query(bob, book, "FN", "i;unicode-casemap", "contains", "雪松")).containsExactly("陈雪松");
        assertThat(query(bob, book, "FN", "i;ascii-casemap", "contains", "CAROL")).containsExactly("Carol Li");
        assertThat(query(bob, book, "FN", "i;unicode-casemap", "equals", "bob brown")).containsExactly("Bob Brown");
        assertThat(query(bob, book, "FN", "i;ascii-casemap", "starts-with", "dave")).isEmpty();
        assertThat(query(bob, bob.mergedBook(), "FN", "i;ascii-casemap", "starts-with", "dave")).containsExactly("Dave Wu");
        assertThat(query(bob, book, "TEL", "i;ascii-casemap", "contains", "13800138000")).containsExactly("陈雪松");
    }

    @Test
    void addressbookQueryFiltersOnParameters() {
        String body = Fixtures.read("requests/query-param.xml", Map.of("type", "work"));
        Multistatus ms = bob.dav().report(bob.groupBook(classmates), 1, body).multistatus();
        assertThat(ms.hrefs().stream().map(h -> Hrefs.decode(Hrefs.path(h))))
                .containsExactly(Hrefs.decode(cardHref(bob.groupBook(classmates), alice.uid())));
    }

    @Test
    void addressbookQueryHonoursTheLimit() {
        String book = bob.groupBook(classmates);
        String body = Fixtures.read("requests/query-limit.xml", Map.of("text", "o", "limit", "1"));
        Multistatus ms = bob.dav().report(book, 1, body).multistatus();
        List<Multistatus.Entry> cards = ms.entries().stream().filter(e -> e.ok(Ns.DAV, "getetag") != null).toList();
        assertThat(cards).as("Bob Brown and Carol Li match; the limit is 1").hasSize(1);
        assertThat(ms.entries()).as("the truncation is reported as 507 on the book (RFC 6352 §8.6.1)")
                .anyMatch(e -> e.status() == 507 && Hrefs.path(e.href()).equals(book));
    }
}
