package org.kith.server.dav;

import ezvcard.VCardVersion;
import org.kith.server.http.Exchange;

/**
 * GET and HEAD: a card as vCard 3.0, or 4.0 when the Accept header asks for it; a book as one
 * {@code .vcf} file of all its cards. {@code If-None-Match} with the current ETag gets 304.
 */
final class GetMethod implements DavMethod {
    @Override
    public void handle(DavContext ctx, Target target) {
        Exchange ex = ctx.exchange();
        VCardVersion version = ex.accept().vcardVersion();
        if (target instanceof Target.Member m) {
            DavCard card = Books.require(ctx, m.book()).card(m.name())
                    .orElseThrow(() -> DavError.notFound("no card " + m.name()));
            String etag = card.etag(version);
            ex.setHeader("ETag", etag);
            if (ex.notModified(etag)) {
                ex.send(304);
                return;
            }
            ex.send(200, Resources.contentType(version), card.render(version));
        } else if (target instanceof Target.Book b) {
            DavBook book = Books.require(ctx, b.book());
            StringBuilder all = new StringBuilder();
            for (DavCard card : book.cards()) {
                all.append(card.render(version));
            }
            ex.setHeader("Content-Disposition", "attachment; filename=\"" + book.id() + ".vcf\"");
            ex.send(200, Resources.contentType(version), all.toString());
        } else {
            ex.send(200, "text/plain; charset=utf-8",
                    "Kith CardDAV. Add this server to a CardDAV client with your username and an app password.\n");
        }
    }
}
