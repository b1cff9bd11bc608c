package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Properties a client invents (RFC 4918 dead properties) on a personal book and its cards:
 * PROPPATCH stores them, PROPFIND returns them by name, in allprop and in propname, a remove
 * takes them away, MOVE carries them and DELETE drops them. Kith's live properties stay
 * protected, group books take none, and a refused PROPPATCH changes nothing.
 */
class DeadPropertiesTest extends DavSuite {
    private static final String NS = "urn:example:kith-dead";

    private Person alice;
    private String gid;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("dead-alice", "Alice");
        gid = People.group(alice, "Dead props", "");
    }

    private static String set(String name, String value) {
        return "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><x:" + name + " xmlns:x=\"" + NS + "\">" + value
                + "</x:" + name + "></D:prop></D:set></D:propertyupdate>";
    }

    private static String remove(String name) {
        return "<D:propertyupdate xmlns:D=\"DAV:\"><D:remove><D:prop><x:" + name + " xmlns:x=\"" + NS
                + "\"/></D:prop></D:remove></D:propertyupdate>";
    }

    private static String find(String name) {
        return "<D:propfind xmlns:D=\"DAV:\"><D:prop><x:" + name + " xmlns:x=\"" + NS + "\"/><D:getetag/></D:prop>"
                + "</D:propfind>";
    }

    private Multistatus.Entry patch(String href, String body) {
        DavResponse r = alice.dav().call("PROPPATCH", href).xml(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(207);
        return r.multistatus().entries().get(0);
    }

    private Multistatus.Entry props(String href, String body) {
        return alice.dav().call("PROPFIND", href).depth(0).xml(body).send().expect(207).multistatus().entries().get(0);
    }

    @Test
    void aBookKeepsAPropertyAClientSetAndGivesItBack() {
        String book = alice.personalBook();
        String token = syncToken(alice, book);
        assertThat(patch(book, set("colour", "#ff8800")).statusOf(NS, "colour")).isEqualTo(200);
        assertThat(props(book, find("colour")).text(NS, "colour")).isEqualTo("#ff8800");
        assertThat(propfind(alice, book, 0, "allprop.xml").entries().get(0).text(NS, "colour"))
                .as("allprop returns dead properties (RFC 4918 §9.1)").isEqualTo("#ff8800");
        assertThat(propfind(alice, book, 0, "propname.xml").entries().get(0).props())
                .containsKey(Multistatus.key(NS, "colour"));
        assertThat(syncToken(alice, book)).as("no card changed").isEqualTo(token);

        assertThat(patch(book, set("colour", "#0088ff")).statusOf(NS, "colour")).isEqualTo(200);
        assertThat(props(book, find("colour")).text(NS, "colour")).isEqualTo("#0088ff");
        assertThat(patch(book, remove("colour")).statusOf(NS, "colour")).isEqualTo(200);
        assertThat(props(book, find("colour")).statusOf(NS, "colour")).isEqualTo(404);
        assertThat(patch(book, remove("never-set")).statusOf(NS, "never-set"))
                .as("removing what is not there is no error").isEqualTo(200);
    }

    @Test
    void aCardKeepsItsPropertiesThroughAPutAndAMoveAndLosesThemWhenDeleted() {
        String book = alice.personalBook();
        String href = book + "dead-card.vcf";
        alice.dav().putCard(href, VCardText.v3("dead-card", "Dead Card")).expect(201);
        String xml = "<y:tag xmlns:y=\"urn:example:inner\" y:level=\"2\">work</y:tag> &amp; home";
        assertThat(patch(href, set("labels", xml)).statusOf(NS, "labels")).isEqualTo(200);
        Multistatus.Entry e = props(href, find("labels"));
        assertThat(e.text(NS, "labels")).isEqualTo("work & home");
        assertThat(e.ok(NS, "labels").getElementsByTagNameNS("urn:example:inner", "tag").getLength())
                .as("XML inside a value comes back as XML").isEqualTo(1);

        alice.dav().putCard(href, VCardText.v3("dead-card", "Dead Card Edited")).expect(204);
        assertThat(props(href, find("labels")).text(NS, "labels")).isEqualTo("work & home");
        Multistatus listing = alice.dav().propfind(book, 1, find("labels")).expect(207).multistatus();
        assertThat(listing.entryEndingWith("dead-card.vcf").text(NS, "labels")).isEqualTo("work & home");

        String moved = book + "dead-card-moved.vcf";
        DavResponse move = alice.dav().call("MOVE", href).header("Destination", alice.dav().base() + moved)
                .header("Overwrite", "F").send();
        assertThat(move.status()).as(move.toString()).isEqualTo(201);
        assertThat(alice.dav().get(href).status()).isEqualTo(404);
        assertThat(VCardText.parse(alice.dav().get(moved).expect(200).text()).first("FN")).contains("Dead Card Edited");
        assertThat(props(moved, find("labels")).text(NS, "labels")).isEqualTo("work & home");

        alice.dav().delete(moved).expect(204);
        alice.dav().putCard(moved, VCardText.v3("dead-card-2", "New Card")).expect(201);
        assertThat(props(moved, find("labels")).statusOf(NS, "labels"))
                .as("a new card under a deleted one's name starts without its properties").isEqualTo(404);
    }

    @Test
    void protectedPropertiesAreRefusedAndARefusedPatchChangesNothing() {
        String book = alice.personalBook();
        String name = props(book, "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:displayname/></D:prop></D:propfind>")
                .text(Ns.DAV, "displayname");
        Multistatus.Entry e = patch(book, "<D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop>"
                + "<x:note xmlns:x=\"" + NS + "\">kept?</x:note><D:displayname>Renamed</D:displayname>"
                + "<D:getetag>\"forged\"</D:getetag></D:prop></D:set></D:propertyupdate>");
        assertThat(e.statusOf(Ns.DAV, "getetag")).isEqualTo(403);
        assertThat(e.statusOf(NS, "note")).isEqualTo(424);
        assertThat(e.statusOf(Ns.DAV, "displayname")).isEqualTo(424);
        assertThat(props(book, find("note")).statusOf(NS, "note")).isEqualTo(404);
        assertThat(props(book, "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:displayname/></D:prop></D:propfind>")
                .text(Ns.DAV, "displayname")).isEqualTo(name);
    }

    @Test
    void groupBooksAndTheirCardsTakeNoProperties() {
        for (String href : java.util.List.of(alice.groupBook(gid), cardHref(alice.groupBook(gid), alice.uid()),
                alice.mergedBook())) {
            DavResponse r = alice.dav().call("PROPPATCH", href).xml(set("colour", "red")).send();
            assertThat(r.status() == 403 || r.multistatus().entries().get(0).statusOf(NS, "colour") == 403)
                    .as("PROPPATCH on " + href + ": " + r).isTrue();
            assertThat(props(href, find("colour")).statusOf(NS, "colour")).isEqualTo(404);
        }
    }
}
