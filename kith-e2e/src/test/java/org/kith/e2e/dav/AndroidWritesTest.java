package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * DAVx5 judges write access per address book: a book whose {@code current-user-privilege-set}
 * lacks {@code write-content} (or {@code write}, {@code all}) becomes read-only on the phone,
 * and local edits there are reset to the server's version instead of being uploaded
 * (davx5-ose {@code Collection.fromDavResponse}, {@code ReadOnlyPolicy}; dav4jvm
 * {@code CurrentUserPrivilegeSet}). A 403 upload with {@code DAV:need-privileges} is logged and
 * skipped, never a sync error. This replays what DAVx5 sends: the merged and group books are
 * read-only, so editing another member's card never leaves an upload that fails on every sync,
 * and {@code me/} is the writable book where each member edits their own card.
 */
class AndroidWritesTest extends DavSuite {
    private Person alice;
    private Person bob;
    private String gid;

    @BeforeParameterizedClassInvocation
    void people() {
        alice = person("android-alice", "Alice");
        bob = person("android-bob", "Bob");
        gid = People.group(alice, "Android", "phones", bob);
    }

    /** How DAVx5 reads the privilege set (dav4jvm): write and all imply write-content. */
    private static boolean davx5Writable(Multistatus.Entry book) {
        List<String> privileges = book.privileges();
        return privileges.contains("write-content") || privileges.contains("write") || privileges.contains("all");
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
    void groupBooksAreReadOnlyForDavx5AndMeIsWhereTheOwnCardIsEdited() {
        DavClient phone = bob.dav();
        // 1. the collection listing DAVx5 sends after finding the home (its ServiceDetectionUtils)
        Multistatus collections = phone.propfind(bob.home(), 1, Fixtures.read("davx5/04-collections.xml")).multistatus();
        String me = bob.home() + "me/";
        assertThat(davx5Writable(collections.entryEndingWith(bob.mergedBook()))).as("all/ read-only").isFalse();
        assertThat(davx5Writable(collections.entryEndingWith(bob.groupBook(gid)))).as("group book read-only").isFalse();
        assertThat(davx5Writable(collections.entryEndingWith(me))).as("me/ writable").isTrue();
        assertThat(davx5Writable(collections.entryEndingWith(bob.personalBook()))).as("personal book writable").isTrue();
        assertThat(collections.entryEndingWith(me).privileges()).as("no new cards, no deletions in me/")
                .doesNotContain("bind", "unbind", "write", "all");
        assertThat(collections.entryEndingWith(me).hasResourceType(Ns.CARDDAV, "addressbook")).isTrue();

        // 2. me/ holds exactly one card: the own card
        Multistatus initial = phone.report(me, 0, Fixtures.read("davx5/06-sync-collection.xml", Map.of("token", "")))
                .multistatus();
        assertThat(initial.hrefs().stream().map(Hrefs::path)).containsExactly(me + "me.vcf");
        Multistatus got = phone.report(me, 0, Fixtures.read("davx5/07-multiget.xml",
                Map.of("hrefs", hrefsXml("", List.of(me + "me.vcf"))))).multistatus();
        VCardText mine = VCardText.parse(got.entries().get(0).text(Ns.CARDDAV, "address-data"));
        assertThat(mine.first("UID")).contains(bob.uid());
        assertThat(mine.version()).isEqualTo("4.0");
        String etag = got.entries().get(0).text(Ns.DAV, "getetag");

        // 3. another member's edit leaves me/ alone: its token only moves with the own card
        alice.setCard(People.card("Alice Elsewhere", "13800138111"));
        Multistatus quiet = phone.report(me, 0, Fixtures.read("davx5/06-sync-collection.xml",
                Map.of("token", Fixtures.esc(initial.syncToken())))).multistatus();
        assertThat(quiet.entries()).isEmpty();
        assertThat(quiet.syncToken()).isEqualTo(initial.syncToken());

        // 4. the member edits their card on the phone: DAVx5 uploads it to me/ with If-Match
        DavResponse put = phone.call("PUT", me + "me.vcf").header("If-Match", etag)
                .header("Content-Type", "text/vcard; version=4.0")
                .body(VCardText.v4(bob.uid(), "Bob on Android", "TEL;TYPE=cell:+8613900139777")
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertThat(put.status()).as(put.toString()).isIn(201, 204);
        assertThat(fnInPhonebook(alice, bob.uid())).as("every group sees it").isEqualTo("Bob on Android");
        Multistatus next = phone.report(me, 0, Fixtures.read("davx5/06-sync-collection.xml",
                Map.of("token", Fixtures.esc(initial.syncToken())))).multistatus();
        assertThat(next.hrefs().stream().map(Hrefs::path)).containsExactly(me + "me.vcf");
        assertThat(next.entries().get(0).text(Ns.DAV, "getetag")).isNotEqualTo(etag);
        Multistatus settled = phone.report(me, 0, Fixtures.read("davx5/06-sync-collection.xml",
                Map.of("token", Fixtures.esc(next.syncToken())))).multistatus();
        assertThat(settled.entries()).as("the next sync has nothing more").isEmpty();
        // the stale ETag loses (412): DAVx5 then downloads the server's version
        assertThat(phone.call("PUT", me + "me.vcf").header("If-Match", etag)
                .vcard(VCardText.v3(bob.uid(), "Bob Stale")).send().status()).isEqualTo(412);
    }

    @Test
    void uploadsDavx5WouldNotSendAreRefusedWithNeedPrivilegesAndChangeNothing() {
        // DAVx5 resets local edits in read-only books instead of uploading; were one sent anyway
        // (an old DAVx5, or a book forced writable), the 403 with need-privileges is skipped, not an error
        DavClient phone = bob.dav();
        String alices = cardHref(bob.groupBook(gid), alice.uid());
        String before = phone.get(alices).expect(200).text();
        DavResponse other = phone.call("PUT", alices).header("If-Match", phone.get(alices).etag())
                .vcard(VCardText.v3(alice.uid(), "Alice Renamed By Bob")).send();
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.conditions()).contains(Multistatus.key(Ns.DAV, "need-privileges"));
        assertThat(phone.get(alices).text()).isEqualTo(before);

        String me = bob.home() + "me/";
        DavResponse added = phone.call("PUT", me + "new-contact.vcf").header("If-None-Match", "*")
                .vcard(VCardText.v3("android-new", "Someone New")).send();
        assertThat(added.status()).isEqualTo(403);
        assertThat(added.conditions()).contains(Multistatus.key(Ns.DAV, "need-privileges"));
        DavResponse deleted = phone.delete(me + "me.vcf");
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(deleted.conditions()).contains(Multistatus.key(Ns.DAV, "need-privileges"));
        assertThat(phone.get(me + "me.vcf").status()).isEqualTo(200);
    }

    @Test
    void meIsAReservedNameForPersonalBooks() {
        DavResponse mkcol = alice.dav().call("MKCOL", alice.home() + "ME/").send();
        assertThat(mkcol.status()).as(mkcol.toString()).isBetween(400, 499);
        assertThat(bookProps(alice, alice.home() + "me/").text(Ns.DAV, "displayname")).isEqualTo("My card");
    }
}
