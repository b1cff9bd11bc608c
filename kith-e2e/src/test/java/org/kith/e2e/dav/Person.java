package org.kith.e2e.dav;

import java.util.Map;

import org.kith.server.support.Http;

/**
 * A registered Kith account as the tests drive it: the REST API for set-up, a CardDAV client for
 * what a phone would do, and the paths of this person's books.
 */
record Person(String base, String username, String password, String displayName) {

    Http api() {
        return Http.basic(base, username, password);
    }

    DavClient dav() {
        return DavClient.as(base, username, password);
    }

    String principal() {
        return "/dav/principals/" + username + "/";
    }

    String home() {
        return "/dav/addressbooks/" + username + "/";
    }

    String mergedBook() {
        return home() + "all/";
    }

    String groupBook(String groupId) {
        return home() + "group-" + groupId + "/";
    }

    String personalBook() {
        return home() + "contacts/";
    }

    /** The UID of this person's own card, as the server reports it. */
    String uid() {
        Http.Reply r = api().send("GET", "/api/v1/me/card", null, null, Map.of("Accept", "text/vcard")).expect(200);
        return VCardText.parse(r.body()).first("UID").orElseThrow(() -> new AssertionError("own card without UID"));
    }

    /** Replaces this person's card through REST (the card JSON of docs/REST.md). */
    void setCard(Map<String, Object> card) {
        api().put("/api/v1/me/card", card).expect(200);
    }
}
