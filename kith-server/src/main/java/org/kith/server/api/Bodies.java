package org.kith.server.api;

import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;
import org.kith.server.http.Json;

/**
 * Reads request bodies. JSON bodies must be {@code application/json} (or a {@code +json} type);
 * a body sent without any Content-Type is read as JSON too, because simple clients omit it.
 * Anything else is 415 before the body is read.
 */
final class Bodies {
    private Bodies() {}

    static <T> T json(Exchange ex, Class<T> type) {
        String ct = ex.mediaType();
        if (!ct.isEmpty() && !isJson(ct)) {
            throw unsupported(ct, "application/json");
        }
        return Json.read(ex.body(), type);
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }

    static boolean isVcard(String mediaType) {
        return mediaType.equals("text/vcard") || mediaType.equals("text/x-vcard");
    }

    static HttpError unsupported(String got, String expected) {
        return new HttpError(415, "unsupported-media-type", "send the body as " + expected + ", not " + got);
    }
}
