package org.kith.server.dav;

/** Looking up the book a request names. */
final class Books {
    private Books() {}

    static DavBook require(DavContext ctx, String id) {
        return ctx.library().book(id).orElseThrow(() -> DavError.notFound("no address book '" + id + "'"));
    }
}
