package org.kith.server.dav;

import org.kith.core.Kith;
import org.kith.core.model.Account;
import org.kith.server.http.Exchange;
import org.kith.server.http.Prefer;
import org.w3c.dom.Element;

/**
 * What every method handler needs for one request: the services, the caller, the target and their
 * books; push registration; and this server's URL as the client reached it (or as configured).
 */
record DavContext(Kith kith, Exchange exchange, Account account, Target target, Library library, RenderCache cache,
                  DavPush push, String baseUrl) {

    long viewer() {
        return account.id();
    }

    String user() {
        return account.username();
    }

    /**
     * The properties a PROPFIND or REPORT body asks for; with {@code Prefer: return=minimal} the
     * answer leaves out the ones a resource does not have (RFC 8144), and says so.
     */
    PropRequest props(Element root) {
        PropRequest props = PropRequest.of(root);
        if (!exchange.prefer().returnMinimal()) {
            return props;
        }
        exchange.setHeader("Preference-Applied", Prefer.MINIMAL);
        return props.minimal();
    }

    /** The largest vCard accepted, in bytes (also {@code max-resource-size}). */
    int maxCardBytes() {
        return kith.limits().maxCardBytes();
    }
}
