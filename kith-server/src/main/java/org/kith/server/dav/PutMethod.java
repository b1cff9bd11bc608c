package org.kith.server.dav;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.kith.server.http.Exchange;

/**
 * PUT of one vCard (RFC 6352 §6.3.2): into a personal book any card; into the merged or a group
 * book only the viewer's own card. Conditional with If-Match / If-None-Match: *, checked in the
 * store. Oversized bodies get 413 with {@code max-resource-size}, other media types 415 with
 * {@code supported-address-data}, bad vCards 403 with {@code valid-address-data}.
 */
final class PutMethod implements DavMethod {
    @Override
    public void handle(DavContext ctx, Target target) {
        if (!(target instanceof Target.Member m)) {
            throw DavError.methodNotAllowed("PUT is for cards inside an address book");
        }
        Exchange ex = ctx.exchange();
        String mediaType = ex.mediaType();
        if (!mediaType.isEmpty() && !mediaType.equals("text/vcard") && !mediaType.equals("text/x-vcard")) {
            throw new DavError(415, DavNames.SUPPORTED_ADDRESS_DATA_PRECONDITION,
                    "a card must be sent as text/vcard, not " + mediaType);
        }
        DavBook book = ctx.library().book(m.book()).orElseThrow(() ->
                new DavError(409, null, "no address book '" + m.book() + "' to put the card in"));
        byte[] body = ex.body(ctx.maxCardBytes(), () -> new DavError(413, DavNames.MAX_RESOURCE_SIZE,
                "a card may be at most " + ctx.maxCardBytes() + " bytes"));
        String vcard = utf8(body);
        DavBook.Written written = book.put(m.name(), vcard, ex.precondition());
        if (written.etag() != null) {
            ex.setHeader("ETag", written.etag());
        }
        ex.send(written.created() ? 201 : 204);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw DavError.forbidden(DavNames.VALID_ADDRESS_DATA, "the card is not valid UTF-8");
        }
    }
}
