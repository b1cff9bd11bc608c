package org.kith.bench.dav;

import java.util.List;

/** The XML bodies the workload sends, as a phone or DAVx5 would. */
final class DavBodies {
    private static final String NS = " xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\"";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private DavBodies() {}

    /** Extended MKCOL (RFC 5689) of an address book. */
    static String mkcol(String displayName) {
        return HEAD + "<d:mkcol" + NS + "><d:set><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype>"
                + "<d:displayname>" + displayName + "</d:displayname></d:prop></d:set></d:mkcol>";
    }

    /** PROPFIND of what a client lists a book with. */
    static String propfindEtags() {
        return HEAD + "<d:propfind" + NS + "><d:prop><d:getetag/><d:getcontenttype/></d:prop></d:propfind>";
    }

    static String multiget(List<String> hrefs) {
        StringBuilder sb = new StringBuilder(hrefs.size() * 100);
        sb.append(HEAD).append("<c:addressbook-multiget").append(NS).append("><d:prop><d:getetag/><c:address-data/></d:prop>");
        for (String href : hrefs) {
            sb.append("<d:href>").append(href).append("</d:href>");
        }
        return sb.append("</c:addressbook-multiget>").toString();
    }

    /** sync-collection asking for ETags only (as iOS and DAVx5 do; they multiget the changed cards after). */
    static String sync(String token) {
        return HEAD + "<d:sync-collection" + NS + "><d:sync-token>" + (token == null ? "" : token)
                + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
    }
}
