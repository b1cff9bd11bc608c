package org.kith.server.dav;

import java.net.URI;
import java.net.URISyntaxException;

import org.kith.server.http.Exchange;

/**
 * MOVE (RFC 4918 §9.9) of a card to another name in the same or another of the viewer's
 * personal books, with its dead properties. {@code Overwrite: F} refuses a live card at the
 * destination (412); otherwise it is replaced (204), and a new name answers 201. Cards of group
 * books, books themselves and destinations outside this server cannot be moved.
 */
final class MoveMethod implements DavMethod {
    @Override
    public void handle(DavContext ctx, Target target) {
        if (!(target instanceof Target.Member from)) {
            throw DavError.readOnly("only cards of your own address books can be moved");
        }
        Exchange ex = ctx.exchange();
        Target.Member to = destination(ex.header("Destination"), ctx.user());
        String overwrite = ex.header("Overwrite");
        if (overwrite != null && !overwrite.strip().equalsIgnoreCase("T") && !overwrite.strip().equalsIgnoreCase("F")) {
            throw DavError.badRequest("Overwrite must be T or F, not '" + overwrite + "'");
        }
        if (!(Books.require(ctx, from.book()) instanceof PersonalDavBook source)
                || !(ctx.library().book(to.book()).orElseThrow(() ->
                        new DavError(409, null, "no address book '" + to.book() + "' to move the card to"))
                        instanceof PersonalDavBook destination)) {
            throw DavError.readOnly("only cards of your own address books can be moved, and only into them");
        }
        if (from.book().equals(to.book()) && from.name().equals(to.name())) {
            throw DavError.forbidden(null, "a card cannot be moved onto itself");
        }
        boolean replaced = source.move(from.name(), destination, to.name(),
                overwrite == null || overwrite.strip().equalsIgnoreCase("T"));
        ex.send(replaced ? 204 : 201);
    }

    /** The card a Destination header names in the viewer's space. */
    private static Target.Member destination(String header, String user) {
        if (header == null || header.isBlank()) {
            throw DavError.badRequest("MOVE needs a Destination header");
        }
        String path;
        try {
            URI uri = new URI(header.strip());
            path = uri.getRawPath();
        } catch (URISyntaxException e) {
            throw DavError.badRequest("the Destination header is not a URI: " + header);
        }
        Target t = path == null ? null : Target.parse(path);
        if (!(t instanceof Target.Member m) || !m.user().equalsIgnoreCase(user)) {
            throw new DavError(502, null, "a card can be moved only to a card's address in your own address books");
        }
        return m;
    }
}
