package org.kith.server.dav;

import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

/** A 207 Multi-Status body, built response by response. */
final class Multistatus {
    private final XmlOut out = new XmlOut();

    Multistatus() {
        out.open(DavNames.MULTISTATUS);
    }

    /** A response with the found properties (200) and the missing ones (404). */
    Multistatus response(String href, Map<QName, PropWriter> found, List<QName> missing) {
        out.open(DavNames.RESPONSE).element(DavNames.HREF, href);
        if (!found.isEmpty() || missing.isEmpty()) {
            out.open(DavNames.PROPSTAT).open(DavNames.PROP);
            found.forEach((name, writer) -> {
                out.open(name);
                writer.write(out);
                out.close(name);
            });
            out.close(DavNames.PROP).element(DavNames.STATUS, "HTTP/1.1 200 OK").close(DavNames.PROPSTAT);
        }
        if (!missing.isEmpty()) {
            propstat(missing, 404, "Not Found");
        }
        out.close(DavNames.RESPONSE);
        return this;
    }

    /** A response listing property names only (PROPFIND propname). */
    Multistatus names(String href, Iterable<QName> names) {
        out.open(DavNames.RESPONSE).element(DavNames.HREF, href).open(DavNames.PROPSTAT).open(DavNames.PROP);
        names.forEach(out::empty);
        out.close(DavNames.PROP).element(DavNames.STATUS, "HTTP/1.1 200 OK").close(DavNames.PROPSTAT)
                .close(DavNames.RESPONSE);
        return this;
    }

    /** A response for PROPPATCH: each property with its own status. */
    Multistatus propstats(String href, Map<QName, Integer> statuses) {
        out.open(DavNames.RESPONSE).element(DavNames.HREF, href);
        statuses.forEach((name, status) -> propstat(List.of(name), status, reason(status)));
        out.close(DavNames.RESPONSE);
        return this;
    }

    private void propstat(List<QName> names, int status, String reason) {
        out.open(DavNames.PROPSTAT).open(DavNames.PROP);
        names.forEach(out::empty);
        out.close(DavNames.PROP).element(DavNames.STATUS, "HTTP/1.1 " + status + " " + reason)
                .close(DavNames.PROPSTAT);
    }

    /** A response carrying only a status: 404 for a removed member, 507 for a cut-short report. */
    Multistatus status(String href, int status, QName error) {
        out.open(DavNames.RESPONSE).element(DavNames.HREF, href)
                .element(DavNames.STATUS, "HTTP/1.1 " + status + " " + reason(status));
        if (error != null) {
            out.open(DavNames.ERROR).empty(error).close(DavNames.ERROR);
        }
        out.close(DavNames.RESPONSE);
        return this;
    }

    Multistatus syncToken(String token) {
        out.element(DavNames.SYNC_TOKEN, token);
        return this;
    }

    String finish() {
        out.close(DavNames.MULTISTATUS);
        return out.toString();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 424 -> "Failed Dependency";
            case 507 -> "Insufficient Storage";
            default -> "Status";
        };
    }
}
