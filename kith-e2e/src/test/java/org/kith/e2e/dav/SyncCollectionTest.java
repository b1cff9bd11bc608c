package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** sync-collection (RFC 6578) and getctag on group books: exactly the changes, and nothing else. */
abstract class SyncCollectionTest extends DavSuite {
    private Person alice;
    private Person bob;
    private Person carol;
    private String gid;

    @BeforeAll
    void people() {
        alice = person("sync-alice", "Alice");
        bob = person("sync-bob", "Bob");
        carol = person("sync-carol", "Carol");
        gid = People.group(alice, "Sync club", "", bob, carol);
    }

    private static List<String> paths(Multistatus ms) {
        return ms.hrefs().stream().map(h -> Hrefs.decode(Hrefs.path(h))).toList();
    }

    @Test
    void anInitialSyncListsEveryCardWithItsEtag() {
        String book = alice.groupBook(gid);
        Multistatus ms = sync(alice, book, "");
        assertThat(ms.syncToken()).isNotBlank();
        assertThat(paths(ms)).containsExactlyInAnyOrder(Hrefs.decode(cardHref(book, alice.uid())),
                Hrefs.decode(cardHref(book, bob.uid())), Hrefs.decode(cardHref(book, carol.uid())));
        for (Multistatus.Entry e : ms.entries()) {
            assertThat(e.text(Ns.DAV, "getetag")).isEqualTo(alice.dav().get(Hrefs.path(e.href())).etag());
        }
        assertThat(ms.syncToken()).isEqualTo(syncToken(alice, book));
    }

    @Test
    void anIncrementalSyncReturnsExactlyWhatChanged() {
        String book = alice.groupBook(gid);
        String token = sync(alice, book, "").syncToken();
        String ctag = ctag(alice, book);

        Multistatus quiet = sync(alice, book, token);
        assertThat(quiet.entries()).as("nothing changed").isEmpty();
        assertThat(quiet.syncToken()).isEqualTo(token);
        assertThat(ctag(alice, book)).isEqualTo(ctag);

        bob.setCard(People.card("Bob Brown", "13900139001"));
        Multistatus changed = sync(alice, book, token);
        assertThat(paths(changed)).containsExactly(Hrefs.decode(cardHref(book, bob.uid())));
        assertThat(changed.entries().get(0).text(Ns.DAV, "getetag"))
                .isEqualTo(alice.dav().get(cardHref(book, bob.uid())).etag());
        assertThat(changed.syncToken()).isNotEqualTo(token);
        assertThat(ctag(alice, book)).isNotEqualTo(ctag);
        assertThat(sync(alice, book, changed.syncToken()).entries()).isEmpty();
    }

    @Test
    void aMemberWhoLeavesIsA404Entry() {
        Person dave = person("sync-dave", "Dave");
        People.join(alice, gid, dave);
        String book = alice.groupBook(gid);
        String token = syncToken(alice, book);
        String daveUid = dave.uid();
        dave.api().delete("/api/v1/groups/" + gid + "/members/" + dave.username()).expect(204);
        Multistatus ms = sync(alice, book, token);
        Multistatus.Entry gone = ms.entryEndingWith(cardHref(book, daveUid));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(alice.dav().get(cardHref(book, daveUid)).status()).isEqualTo(404);
    }

    @Test
    void aLimitTruncatesWith507AndTheTokenResumesExactlyWhereItStopped() {
        String book = alice.groupBook(gid);
        List<String> all = paths(sync(alice, book, ""));
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        List<String> seen = new ArrayList<>();
        String token = "";
        for (int round = 0; round < 10; round++) {
            String body = Fixtures.read("requests/sync-collection-limit.xml", Map.of("token", Fixtures.esc(token), "limit", "1"));
            Multistatus ms = alice.dav().report(book, 0, body).multistatus();
            List<Multistatus.Entry> cards = ms.entries().stream().filter(e -> !Hrefs.path(e.href()).equals(book)).toList();
            boolean truncated = ms.entries().stream().anyMatch(e -> Hrefs.path(e.href()).equals(book) && e.status() == 507);
            assertThat(cards).as("at most the limit").hasSizeLessThanOrEqualTo(1);
            cards.forEach(e -> seen.add(Hrefs.decode(Hrefs.path(e.href()))));
            token = ms.syncToken();
            if (!truncated) {
                break;
            }
        }
        assertThat(seen).as("every card exactly once across the resumed requests").containsExactlyInAnyOrderElementsOf(all);
        assertThat(sync(alice, book, token).entries()).isEmpty();
    }

    @Test
    void anUnknownTokenIsRefusedWithValidSyncToken() {
        String book = alice.groupBook(gid);
        String real = syncToken(alice, book);
        for (String token : List.of("http://kith.invalid/not-a-token", real + "999999", "nonsense")) {
            DavResponse r = alice.dav().report(book, 0, Fixtures.read("requests/sync-collection.xml",
                    Map.of("token", Fixtures.esc(token))));
            assertThat(r.status()).as("token " + token).isEqualTo(403);
            assertThat(r.conditions()).contains(Multistatus.key(Ns.DAV, "valid-sync-token"));
        }
    }
}
