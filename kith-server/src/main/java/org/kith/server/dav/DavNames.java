package org.kith.server.dav;

import javax.xml.namespace.QName;

/** The XML names CardDAV speaks, in one place. */
final class DavNames {
    static final String DAV = "DAV:";
    static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    static final String CS = "http://calendarserver.org/ns/";
    static final String KITH = "urn:x-kith:";
    /** WebDAV-Push (draft-bitfire-webdav-push); {@link #PUSH_OLD} is what early drafts used. */
    static final String PUSH = "https://bitfire.at/webdav-push";
    static final String PUSH_OLD = "DAV:Push";

    // WebDAV (RFC 4918, 3744, 5397, 6578)
    static final QName MULTISTATUS = dav("multistatus");
    static final QName RESPONSE = dav("response");
    static final QName HREF = dav("href");
    static final QName STATUS = dav("status");
    static final QName PROPSTAT = dav("propstat");
    static final QName PROP = dav("prop");
    static final QName PROPFIND = dav("propfind");
    static final QName ALLPROP = dav("allprop");
    static final QName PROPNAME = dav("propname");
    static final QName INCLUDE = dav("include");
    static final QName PROPERTYUPDATE = dav("propertyupdate");
    static final QName SET = dav("set");
    static final QName REMOVE = dav("remove");
    static final QName MKCOL = dav("mkcol");
    static final QName ERROR = dav("error");
    static final QName RESOURCETYPE = dav("resourcetype");
    static final QName COLLECTION = dav("collection");
    static final QName PRINCIPAL = dav("principal");
    static final QName DISPLAYNAME = dav("displayname");
    static final QName GETETAG = dav("getetag");
    static final QName GETCONTENTTYPE = dav("getcontenttype");
    static final QName GETCONTENTLENGTH = dav("getcontentlength");
    static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");
    static final QName PRINCIPAL_URL = dav("principal-URL");
    static final QName PRINCIPAL_COLLECTION_SET = dav("principal-collection-set");
    static final QName OWNER = dav("owner");
    static final QName CURRENT_USER_PRIVILEGE_SET = dav("current-user-privilege-set");
    static final QName PRIVILEGE = dav("privilege");
    static final QName NEED_PRIVILEGES = dav("need-privileges");
    static final QName SUPPORTED_REPORT_SET = dav("supported-report-set");
    static final QName SUPPORTED_REPORT = dav("supported-report");
    static final QName REPORT = dav("report");
    static final QName SYNC_TOKEN = dav("sync-token");
    static final QName SYNC_COLLECTION = dav("sync-collection");
    static final QName SYNC_LEVEL = dav("sync-level");
    static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");
    static final QName LIMIT = dav("limit");
    static final QName NRESULTS = dav("nresults");
    static final QName NUMBER_OF_MATCHES_WITHIN_LIMITS = dav("number-of-matches-within-limits");
    static final QName PROPFIND_FINITE_DEPTH = dav("propfind-finite-depth");
    static final QName VALID_RESOURCETYPE = dav("valid-resourcetype");
    static final QName CANNOT_MODIFY_PROTECTED = dav("cannot-modify-protected-property");

    // CardDAV (RFC 6352)
    static final QName ADDRESSBOOK = carddav("addressbook");
    static final QName ADDRESSBOOK_HOME_SET = carddav("addressbook-home-set");
    static final QName ADDRESSBOOK_DESCRIPTION = carddav("addressbook-description");
    static final QName SUPPORTED_ADDRESS_DATA = carddav("supported-address-data");
    static final QName ADDRESS_DATA_TYPE = carddav("address-data-type");
    static final QName ADDRESS_DATA = carddav("address-data");
    static final QName MAX_RESOURCE_SIZE = carddav("max-resource-size");
    static final QName MAX_IMAGE_SIZE = carddav("max-image-size");
    static final QName ADDRESSBOOK_MULTIGET = carddav("addressbook-multiget");
    static final QName ADDRESSBOOK_QUERY = carddav("addressbook-query");
    static final QName FILTER = carddav("filter");
    static final QName PROP_FILTER = carddav("prop-filter");
    static final QName PARAM_FILTER = carddav("param-filter");
    static final QName TEXT_MATCH = carddav("text-match");
    static final QName IS_NOT_DEFINED = carddav("is-not-defined");
    static final QName CARDDAV_LIMIT = carddav("limit");
    static final QName VALID_ADDRESS_DATA = carddav("valid-address-data");
    static final QName SUPPORTED_ADDRESS_DATA_PRECONDITION = carddav("supported-address-data");
    static final QName NO_UID_CONFLICT = carddav("no-uid-conflict");
    static final QName SUPPORTED_FILTER = carddav("supported-filter");
    static final QName SUPPORTED_COLLATION = carddav("supported-collation");

    // Apple / CalendarServer extensions clients rely on
    static final QName GETCTAG = new QName(CS, "getctag");
    static final QName ME_CARD = new QName(CS, "me-card");

    static final QName MESSAGE = new QName(KITH, "message");

    // WebDAV-Push
    static final QName TRANSPORTS = push("transports");
    static final QName PUSH_TRANSPORTS_OLD = new QName(PUSH_OLD, "push-transports");
    static final QName WEB_PUSH = push("web-push");
    static final QName VAPID_PUBLIC_KEY = push("vapid-public-key");
    static final QName TOPIC = push("topic");
    static final QName SUPPORTED_TRIGGERS = push("supported-triggers");
    static final QName CONTENT_UPDATE = push("content-update");
    static final QName PROPERTY_UPDATE = push("property-update");
    static final QName DEPTH = dav("depth");
    static final QName INVALID_SUBSCRIPTION = push("invalid-subscription");
    static final QName PUSH_NOT_AVAILABLE = push("push-not-available");
    static final QName NO_SUPPORTED_TRIGGER = push("no-supported-trigger");

    private DavNames() {}

    static QName dav(String local) {
        return new QName(DAV, local);
    }

    static QName push(String local) {
        return new QName(PUSH, local);
    }

    static QName carddav(String local) {
        return new QName(CARDDAV, local);
    }
}
