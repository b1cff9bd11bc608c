package org.kith.server.http;

/**
 * An HTTP-level refusal that is not a domain error (415 for a content type, 405 for a method);
 * a surface may refine it with what its wire form says (CardDAV's precondition elements).
 */
public class HttpError extends RuntimeException {
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
