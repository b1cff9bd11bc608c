package org.kith.server.dav;

import org.kith.core.Kith;
import org.kith.core.model.Account;

/** What every method handler needs for one request: the services, the caller and their books. */
record DavContext(Kith kith, DavExchange exchange, Library library, RenderCache cache, DavPush push) {

    Account account() {
        return exchange.account();
    }

    long viewer() {
        return exchange.account().id();
    }

    String user() {
        return exchange.account().username();
    }

    /** The largest vCard accepted, in bytes (also {@code max-resource-size}). */
    int maxCardBytes() {
        return kith.limits().maxCardBytes();
    }
}
