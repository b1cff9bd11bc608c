package org.kith.server.http;

import java.util.List;

/**
 * One surface the kernel serves (REST, CardDAV, the web UI): the path prefixes it owns, its rows
 * of the route table, how it admits a request, and its error mapper. The {@link Router} owns
 * everything else. Implementations are thread-safe.
 */
public interface Surface {
    /**
     * The prefixes whose unknown paths it answers ({@code /dav}: the path itself and everything
     * below it; "/" all the rest). Its rows may also serve a path another surface owns.
     */
    List<String> prefixes();

    List<Route> routes();

    ErrorMapper errors();

    /** Runs first for every request it handles, found or not: its own headers, per-request state. */
    default void enter(Exchange ex) throws Exception {}

    /**
     * Runs before {@code route}'s handler: authentication and the surface's checks.
     * @return false when it answered the request itself (a redirect to sign in)
     */
    boolean admit(Exchange ex, Route route) throws Exception;
}
