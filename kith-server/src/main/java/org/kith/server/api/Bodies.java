package org.kith.server.api;

import org.kith.server.http.Exchange;
import org.kith.server.http.HttpError;
import org.kith.server.http.Json;

/** Reads a JSON request body, insisting on a JSON content type (415 otherwise). */
final class Bodies {
    private Bodies() {}

    static <T> T json(Exchange ex, Class<T> type) {
        String ct = ex.contentType();
        if (!ct.isEmpty() && !ct.startsWith("application/json")) {
            throw new HttpError(415, "unsupported-media-type", "send the body as application/json, not " + ct);
        }
        return Json.read(ex.body(), type);
    }
}
