package org.kith.server.dav;

import org.kith.core.error.Conflict;
import org.kith.core.error.Forbidden;
import org.kith.core.error.Gone;
import org.kith.core.error.Invalid;
import org.kith.core.error.KithException;
import org.kith.core.error.NotFound;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.error.Throttled;
import org.kith.core.error.TooLarge;
import org.kith.core.error.Unauthenticated;

/** Domain errors as CardDAV answers (status and the RFC's precondition element), in one place. */
final class DavErrors {
    private DavErrors() {}

    static DavError of(KithException e, String method) {
        String message = e.getMessage();
        if (e instanceof Unauthenticated) {
            return new DavError(401, null, message);
        } else if (e instanceof Throttled) {
            return new DavError(429, null, message);
        } else if (e instanceof NotFound) {
            return new DavError(404, null, message);
        } else if (e instanceof Forbidden) {
            return new DavError(403, DavNames.NEED_PRIVILEGES, message);
        } else if (e instanceof Conflict) {
            return new DavError(409, "uid".equals(e.field()) ? DavNames.NO_UID_CONFLICT : null, message);
        } else if (e instanceof Invalid) {
            return method.equals("PUT") ? new DavError(403, DavNames.VALID_ADDRESS_DATA, message)
                    : new DavError(400, null, message);
        } else if (e instanceof PreconditionFailed) {
            return new DavError(412, null, message);
        } else if (e instanceof Gone) {
            return new DavError(403, DavNames.VALID_SYNC_TOKEN, message);
        } else if (e instanceof TooLarge) {
            return new DavError(413, DavNames.MAX_RESOURCE_SIZE, message);
        }
        return new DavError(500, null, message);
    }
}
