package org.kith.server.api;

import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;
import org.kith.server.http.Json;

/**
 * Reads request bodies. JSON bodies must be declared {@code application/json} (or a {@code +json}
 * type). A body without a Content-Type is refused like any other type (415, before it is read):
 * a cross-site {@code fetch} in {@code no-cors} mode can send a body but not this header, so
 * requiring it keeps a browser's cached Basic credentials from being used to write.
 */
final class Bodies {
    private Bodies() {}

    static <T> T json(Exchange ex, Class<T> type) {
        String ct = ex.mediaType();
        if (!isJson(ct)) {
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
        return new HttpError(415, "unsupported-media-type", got.isEmpty()
                ? "send the body with Content-Type: " + expected
                : "send the body as " + expected + ", not " + got);
    }
}
