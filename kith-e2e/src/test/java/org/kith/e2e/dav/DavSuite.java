package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;

/**
 * What every CardDAV test class shares: the server on its database (each class runs once on
 * SQLite and once on PostgreSQL) and the few DAV exchanges the tests repeat, each written from
 * RFC 6352 / 6578.
 */
@Databases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DavSuite {
    @Parameter
    Database database;

    String base() {
        return SharedServers.baseUrl(database);
    }

    Person person(String prefix, String displayName) {
        return People.register(base(), prefix, displayName);
    }

    /** The href of the card with {@code uid} in {@code book} (a collection path ending in '/'). */
    static String cardHref(String book, String uid) {
        return book + Hrefs.encodeSegment(uid) + ".vcf";
    }

    /** PROPFIND with a fixture body from {@code dav/requests/}. */
    static Multistatus propfind(Person p, String path, int depth, String fixture) {
        return p.dav().propfind(path, depth, Fixtures.read("requests/" + fixture)).multistatus();
    }

    /** The book's own response to the book-properties PROPFIND. */
    static Multistatus.Entry bookProps(Person p, String book) {
        Multistatus ms = propfind(p, book, 0, "book-properties.xml");
        assertThat(ms.entries()).as("depth 0 answers for the book alone").hasSize(1);
        return ms.entries().get(0);
    }

    static String syncToken(Person p, String book) {
        return bookProps(p, book).text(Ns.DAV, "sync-token");
    }

    /**
     * The ETag a sync-collection answer gives for a member that exists (changed or added): it has
     * no status of its own, which for a removed member would be 404, and its DAV:getetag came
     * with 200.
     */
    static String presentEtag(Multistatus.Entry e) {
        assertThat(e.status()).as(e.href() + ": a member that exists has no status of its own").isZero();
        assertThat(e.statusOf(Ns.DAV, "getetag")).as("getetag of " + e.href()).isEqualTo(200);
        return e.text(Ns.DAV, "getetag");
    }

    static String ctag(Person p, String book) {
        return bookProps(p, book).text(Ns.CS, "getctag");
    }

    /** Decoded href → ETag of every card in the book (PROPFIND depth 1, collections skipped). */
    static Map<String, String> etags(Person p, String book) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Multistatus.Entry e : propfind(p, book, 1, "card-properties.xml").entries()) {
            if (!e.hasResourceType(Ns.DAV, "collection")) {
                out.put(Hrefs.decode(Hrefs.path(e.href())), e.text(Ns.DAV, "getetag"));
            }
        }
        return out;
    }

    /** sync-collection from {@code token} ("" for an initial sync). */
    static Multistatus sync(Person p, String book, String token) {
        return p.dav().report(book, 0, Fixtures.read("requests/sync-collection.xml", Map.of("token", Fixtures.esc(token))))
                .multistatus();
    }

    static String hrefsXml(List<String> hrefs) {
        return hrefsXml("D:", hrefs);
    }

    /** DAV:href elements with the namespace prefix the request body uses ("" for the default namespace). */
    static String hrefsXml(String prefix, List<String> hrefs) {
        return hrefs.stream().map(h -> "<" + prefix + "href>" + Fixtures.esc(h) + "</" + prefix + "href>")
                .collect(Collectors.joining("\n  "));
    }

    /** addressbook-multiget of {@code hrefs}: decoded href → vCard text (only responses with data). */
    static Map<String, String> multiget(Person p, String book, List<String> hrefs, boolean v4) {
        String body = Fixtures.read(v4 ? "requests/multiget-v4.xml" : "requests/multiget.xml", Map.of("hrefs", hrefsXml(hrefs)));
        Map<String, String> out = new LinkedHashMap<>();
        for (Multistatus.Entry e : p.dav().report(book, 0, body).multistatus().entries()) {
            if (e.ok(Ns.CARDDAV, "address-data") != null) {
                out.put(Hrefs.decode(Hrefs.path(e.href())), e.text(Ns.CARDDAV, "address-data"));
            }
        }
        return out;
    }

    /** Every card of a book, fetched the way DAVx5 does it: list, then multiget. */
    static Map<String, String> cards(Person p, String book, boolean v4) {
        List<String> hrefs = etags(p, book).keySet().stream()
                .map(DavSuite::encodePath).toList();
        return hrefs.isEmpty() ? Map.of() : multiget(p, book, hrefs, v4);
    }

    /** Encodes each segment of a decoded path once. */
    static String encodePath(String decodedPath) {
        return java.util.Arrays.stream(decodedPath.split("/", -1)).map(Hrefs::encodeSegment)
                .collect(Collectors.joining("/"));
    }

    /** The FN of every card text given. */
    static List<String> names(Map<String, String> cards) {
        return cards.values().stream().map(c -> VCardText.parse(c).first("FN").orElse("")).toList();
    }
}
