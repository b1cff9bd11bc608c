package org.kith.server.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One fetch of an XML phonebook: the directory to show, how to write its numbers, the query the
 * phone sent (search and paging), and this phonebook's own URL for links back to it.
 *
 * @param selfUrl  the absolute URL of this phonebook, without a query
 * @param keptQuery the query parameters every link must carry again ({@code group}, {@code region}),
 *                  already encoded, "" or starting with '&'
 */
record PhonebookRequest(Directory directory, Dialing dialing, Function<String, String> query, String selfUrl,
                        String keptQuery) {

    String param(String name) {
        return query.apply(name);
    }

    /** A link to this phonebook with {@code extra} ({@code "page=2"}) and the kept parameters. */
    String link(String extra) {
        String q = extra + keptQuery;
        if (q.startsWith("&")) {
            q = q.substring(1);
        }
        return q.isEmpty() ? selfUrl : selfUrl + "?" + q;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
