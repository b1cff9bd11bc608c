package org.kith.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

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

/**
 * The one place domain errors become HTTP: RFC 9457 problem+json with the error's stable
 * {@code code} and {@code args} beside the English {@code detail}, naming the field.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json; charset=utf-8";
    private static final String TYPE_BASE = "https://kith.example/problems/";

    private Problems() {}

    /** A problem for a domain error. */
    public static void send(Exchange ex, KithException e) {
        int status;
        String slug;
        if (e instanceof NotFound) {
            status = 404;
            slug = "not-found";
        } else if (e instanceof Forbidden) {
            status = 403;
            slug = "forbidden";
        } else if (e instanceof Conflict) {
            status = 409;
            slug = "conflict";
        } else if (e instanceof Invalid invalid) {
            status = invalid.malformed() ? 400 : 422;
            slug = invalid.malformed() ? "malformed" : "invalid-value";
        } else if (e instanceof PreconditionFailed) {
            status = 412;
            slug = "precondition-failed";
        } else if (e instanceof Gone gone) {
            status = 410;
            slug = gone.resyncRequired() ? "resync-required" : "gone";
        } else if (e instanceof TooLarge) {
            status = 413;
            slug = "too-large";
        } else if (e instanceof Unauthenticated) {
            status = 401;
            slug = "unauthenticated";
            ex.setHeader("WWW-Authenticate", "Basic realm=\"Kith\"");
        } else if (e instanceof Throttled t) {
            status = 429;
            slug = "too-many-attempts";
            ex.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
        } else {
            status = 500;
            slug = "internal";
        }
        ex.send(status, MEDIA_TYPE, json(status, slug, e.code().wire(), e.getMessage(), e.field(), e.args()));
    }

    /**
     * A problem for an HTTP-level refusal that is no domain error: {@code slug} ends the
     * {@code type} URI and is its {@code code} too.
     */
    public static void send(Exchange ex, int status, String slug, String detail, String field) {
        ex.send(status, MEDIA_TYPE, json(status, slug, detail, field));
    }

    /** The document for an HTTP-level refusal (its code is its slug). */
    static String json(int status, String slug, String detail, String field) {
        return json(status, slug, slug, detail, field, Map.of());
    }

    private static String json(int status, String slug, String code, String detail, String field,
                               Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title(status));
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        if (!args.isEmpty()) {
            body.put("args", args);
        }
        return Json.write(body);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Malformed request";
            case 401 -> "Authentication required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition failed";
            case 413 -> "Too large";
            case 415 -> "Unsupported media type";
            case 414 -> "URI too long";
            case 431 -> "Request headers too large";
            case 422 -> "Invalid value";
            case 429 -> "Too many attempts";
            default -> "Server error";
        };
    }
}
