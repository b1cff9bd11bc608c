package org.kith.server.http;

/**
 * How one surface answers an error in its own wire form: problem+json for the REST API, a DAV
 * {@code <d:error>} for CardDAV, a page for the web UI. The kernel catches every error of a
 * handler and calls this unless the response was already taken over or committed; a failure of
 * the server itself arrives logged, as a 500 {@link HttpError} that tells nothing more.
 */
@FunctionalInterface
public interface ErrorMapper {
    /** @param error a domain error ({@code KithException}) or an {@link HttpError} (or a subclass) */
    void answer(Exchange ex, RuntimeException error);
}
