package org.kith.server.http;

import org.eclipse.jetty.server.Request;

/**
 * A handler that owns every path under {@code prefix} (for example {@code /dav} or
 * {@code /.well-known/carddav}), tried before the route table. Surfaces with their own rules
 * (CardDAV's methods and XML errors, the web UI's pages) plug in here; they authenticate with
 * {@link Authenticator} themselves.
 */
public record Mount(String prefix, Request.Handler handler) {

    public Mount {
        if (!prefix.startsWith("/") || prefix.length() > 1 && prefix.endsWith("/")) {
            throw new IllegalArgumentException("a mount prefix starts with '/' and does not end with one: " + prefix);
        }
    }

    /** Whether {@code path} is the prefix itself or below it. */
    boolean covers(String path) {
        return path.equals(prefix) || path.startsWith(prefix.equals("/") ? "/" : prefix + "/");
    }
}
