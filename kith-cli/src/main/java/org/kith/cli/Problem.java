package org.kith.cli;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An RFC 9457 problem as the server sent it, or one made up from the status line when the body is
 * not problem+json (a proxy's error page, say). {@code code} is the server's stable name for the
 * error ({@code group-not-found}); null when the answer did not come from Kith.
 */
record Problem(String type, String title, int status, String code, String detail, String field) {

    static Problem parse(int status, String contentType, String body) {
        if (body != null && !body.isBlank() && looksLikeJson(contentType, body)) {
            try {
                JsonNode p = Json.MAPPER.readTree(body);
                if (p != null && p.hasNonNull("title")) {
                    return new Problem(text(p, "type"), p.get("title").asText(), status, text(p, "code"),
                            text(p, "detail"), text(p, "field"));
                }
            } catch (IOException notJson) {
                // fall through to the status line
            }
        }
        return new Problem(null, "HTTP " + status + " " + reason(status), status, null,
                plainDetail(contentType, body), null);
    }

    /**
     * Whether the server named this error {@code code}; an answer without a code (not from Kith,
     * or from a Kith before codes) falls back to its status, {@code orStatus}.
     */
    boolean is(String code, int orStatus) {
        return this.code != null ? this.code.equals(code) : status == orStatus;
    }

    /** "title: detail (field: f)", leaving out the parts the server did not send. */
    String oneLine() {
        StringBuilder sb = new StringBuilder(title);
        if (detail != null && !detail.isBlank() && !detail.equals(title)) {
            sb.append(": ").append(detail);
        }
        if (field != null && !field.isBlank()) {
            sb.append(" (field: ").append(field).append(')');
        }
        return sb.toString();
    }

    private static boolean looksLikeJson(String contentType, String body) {
        return (contentType != null && contentType.contains("json")) || body.stripLeading().startsWith("{");
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A short plain-text body is worth showing; HTML error pages are not. */
    private static String plainDetail(String contentType, String body) {
        if (body == null || body.isBlank() || contentType == null || !contentType.startsWith("text/plain")) {
            return null;
        }
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
