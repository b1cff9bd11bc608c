package org.kith.e2e.dav;

/** The two databases every CardDAV suite runs on. */
enum Database {
    SQLITE, POSTGRES
}
