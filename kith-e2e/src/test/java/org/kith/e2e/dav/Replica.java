package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a syncing client holds of one book: decoded href → ETag, kept current by applying
 * sync-collection answers page after page as RFC 6578 says (a card with properties is added or
 * replaced, a 404 removes it, a 507 on the book means "ask again from the new token").
 */
final class Replica {
    private final Person person;
    private final String book;
    private final Map<String, String> cards = new LinkedHashMap<>();
    private final List<List<String>> pages = new ArrayList<>();
    private String token = "";

    Replica(Person person, String book) {
        this.person = person;
        this.book = book;
    }

    /** One sync-collection request from the current token with {@code limit} (0: none); true if it was cut short. */
    boolean page(int limit) {
        String body = limit == 0
                ? Fixtures.read("requests/sync-collection.xml", Map.of("token", Fixtures.esc(token)))
                : Fixtures.read("requests/sync-collection-limit.xml",
                        Map.of("token", Fixtures.esc(token), "limit", Integer.toString(limit)));
        Multistatus ms = person.dav().report(book, 0, body).multistatus();
        boolean truncated = false;
        List<String> page = new ArrayList<>();
        for (Multistatus.Entry e : ms.entries()) {
            String path = Hrefs.decode(Hrefs.path(e.href()));
            if (path.equals(Hrefs.decode(book))) {
                assertThat(e.status()).as("the book itself appears only to say the answer was cut short").isEqualTo(507);
                truncated = true;
            } else if (e.status() == 404) {
                cards.remove(path);
                page.add(path);
            } else {
                cards.put(path, e.text(Ns.DAV, "getetag"));
                page.add(path);
            }
        }
        assertThat(ms.syncToken()).as("every answer carries a token").isNotBlank();
        token = ms.syncToken();
        pages.add(page);
        return truncated;
    }

    /** Pages until an answer is complete; fails after {@code maxPages}. */
    Replica syncAll(int limit, int maxPages) {
        for (int i = 0; i < maxPages; i++) {
            if (!page(limit)) {
                return this;
            }
        }
        throw new AssertionError("still cut short after " + maxPages + " pages: " + pages);
    }

    Map<String, String> cards() {
        return cards;
    }

    /** The hrefs (decoded) each answer so far reported, answer by answer. */
    List<List<String>> pages() {
        return pages;
    }

    List<String> reported() {
        return pages.stream().flatMap(List::stream).toList();
    }

    String token() {
        return token;
    }

    Replica from(String token) {
        this.token = token;
        return this;
    }

    void forgetPages() {
        pages.clear();
    }

    /** Fails unless the replica holds exactly the book's cards with their current ETags. */
    void assertMatchesServer() {
        assertThat(cards).as("the synced copy equals the book as listed now").isEqualTo(DavSuite.etags(person, book));
    }
}
