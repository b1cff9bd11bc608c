package org.kith.e2e.dav;

/** The XML namespaces of the properties the tests look at. */
final class Ns {
    static final String DAV = "DAV:";
    static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    /** Apple's CalendarServer namespace: getctag and me-card. */
    static final String CS = "http://calendarserver.org/ns/";

    private Ns() {}
}
