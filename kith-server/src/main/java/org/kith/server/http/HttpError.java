package org.kith.server.http;

/** An HTTP-level refusal that is not a domain error (e.g. 415 for a content type). */
public final class HttpError extends RuntimeException {
    private final int status;
    private final String slug;

    public HttpError(int status, String slug, String message) {
        super(message, null, false, false);
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
