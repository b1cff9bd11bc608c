package org.kith.server.dav;

import javax.xml.namespace.QName;

import org.kith.server.http.HttpError;

/**
 * A CardDAV error answer: a status, optionally the precondition element the RFCs define for
 * it (sent inside {@code <d:error>}), and a message for humans.
 */
final class DavError extends HttpError {
    private final QName precondition;
    private final String href;

    DavError(int status, QName precondition, String message) {
        this(status, precondition, message, null);
    }

    /** With an href inside the precondition element (no-uid-conflict names the card that has the UID). */
    DavError(int status, QName precondition, String message, String href) {
        super(status, "dav", message);
        this.precondition = precondition;
        this.href = href;
    }

    static DavError badRequest(String message) {
        return new DavError(400, null, message);
    }

    static DavError notFound(String message) {
        return new DavError(404, null, message);
    }

    static DavError forbidden(QName precondition, String message) {
        return new DavError(403, precondition, message);
    }

    /** 403 with {@code DAV:need-privileges}: the resource is read-only for this user. */
    static DavError readOnly(String message) {
        return new DavError(403, DavNames.NEED_PRIVILEGES, message);
    }

    /** 413 for a request body (XML) over its limit. */
    static DavError bodyTooLarge() {
        return new DavError(413, null, "the request body is too large");
    }

    static DavError methodNotAllowed(String message) {
        return new DavError(405, null, message);
    }

    QName precondition() {
        return precondition;
    }

    /** The body: {@code <d:error>} with the precondition and the message. */
    String body() {
        XmlOut x = new XmlOut().open(DavNames.ERROR);
        if (precondition != null && href != null) {
            x.open(precondition).element(DavNames.HREF, href).close(precondition);
        } else if (precondition != null) {
            x.empty(precondition);
        }
        x.element(DavNames.MESSAGE, getMessage());
        return x.close(DavNames.ERROR).toString();
    }
}
