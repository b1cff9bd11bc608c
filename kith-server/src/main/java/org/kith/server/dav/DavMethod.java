package org.kith.server.dav;

/** One CardDAV method (PROPFIND, REPORT, PUT, …) for an authenticated request. */
@FunctionalInterface
interface DavMethod {
    void handle(DavContext ctx, Target target);
}
