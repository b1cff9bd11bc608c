package org.kith.server.dav;

import javax.xml.namespace.QName;

import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Forbidden;
import org.kith.core.error.Gone;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.error.NotFound;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.error.Throttled;
import org.kith.core.error.TooLarge;
import org.kith.core.error.Unauthenticated;

/**
 * Domain errors as CardDAV answers, in one place: the kind of error gives the status, its code
 * the precondition element the RFCs define for it (RFC 6352 §6.3.2.1, RFC 6578 §3.2, RFC 3744).
 */
final class DavErrors {
    private DavErrors() {}

    static DavError of(KithException e, String method) {
        return new DavError(status(e, method), precondition(e.code()), e.getMessage());
    }

    private static int status(KithException e, String method) {
        if (e instanceof Unauthenticated) {
            return 401;
        } else if (e instanceof Throttled) {
            return 429;
        } else if (e instanceof NotFound) {
            return 404;
        } else if (e instanceof Forbidden) {
            return 403;
        } else if (e instanceof Conflict) {
            return 409;
        } else if (e instanceof Invalid) {
            return method.equals("PUT") ? 403 : 400;
        } else if (e instanceof PreconditionFailed) {
            return 412;
        } else if (e instanceof Gone) {
            return 403;
        } else if (e instanceof TooLarge) {
            return 413;
        }
        return 500;
    }

    /** The precondition a code breaks, or null when the RFCs name none for it. */
    static QName precondition(ErrorCode code) {
        return switch (code) {
            case OWNER_ONLY, REVOKE_FORBIDDEN -> DavNames.NEED_PRIVILEGES;
            case UID_CONFLICT, UID_CHANGED -> DavNames.NO_UID_CONFLICT;
            case SYNC_TOKEN_INVALID, SYNC_TOKEN_TOO_OLD, SYNC_GROUPS_CHANGED -> DavNames.VALID_SYNC_TOKEN;
            case CARD_TOO_LARGE, PHOTO_TOO_LARGE, BODY_TOO_LARGE -> DavNames.MAX_RESOURCE_SIZE;
            case VCARD_EMPTY, VCARD_MALFORMED, VCARD_NOT_SINGLE, VCARD_UID_MISSING, VCARD_UID_TOO_LONG,
                    VCARD_VERSION_MISSING, VCARD_VERSION_UNSUPPORTED, VCARD_CONTROL_CHARACTER, NAME_EMPTY, TEXT_TOO_LONG, TOO_MANY_ITEMS,
                    ITEM_NOT_OBJECT, TYPE_UNKNOWN, TEL_EMPTY, TEL_INVALID, EMAIL_INVALID, PHOTO_NOT_DATA_URI,
                    PHOTO_NOT_BASE64, PHOTO_NOT_IMAGE -> DavNames.VALID_ADDRESS_DATA;
            default -> null;
        };
    }
}
