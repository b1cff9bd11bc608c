package org.kith.server.http;

import java.util.Set;

import org.eclipse.jetty.server.Request;

/**
 * A handler that owns every path under {@code prefix} (for example {@code /dav} or
 * {@code /.well-known/carddav}), tried before the route table. Surfaces with their own rules
 * (CardDAV's methods and XML errors, the web UI's pages) plug in here; they authenticate with
 * {@link Authenticator} themselves. A mount made with {@link #exact} owns one path for a few
 * methods only, leaving the path's other methods to the route table.
 */
public record Mount(String prefix, Set<String> methods, Request.Handler handler) {

    public Mount {
        if (!prefix.startsWith("/") || prefix.length() > 1 && prefix.endsWith("/")) {
            throw new IllegalArgumentException("a mount prefix starts with '/' and does not end with one: " + prefix);
        }
        methods = methods == null ? null : Set.copyOf(methods);
    }

    /** Every method on {@code prefix} and below it. */
    public Mount(String prefix, Request.Handler handler) {
        this(prefix, null, handler);
    }

    /** Only {@code methods} on exactly {@code path} (CardDAV discovery on the server's address, {@code /}). */
    public static Mount exact(String path, Set<String> methods, Request.Handler handler) {
        return new Mount(path, methods, handler);
    }

    /** Whether a request with this method and path is this mount's. */
    boolean covers(String method, String path) {
        if (methods != null) {
            return path.equals(prefix) && methods.contains(method);
        }
        return path.equals(prefix) || path.startsWith(prefix.equals("/") ? "/" : prefix + "/");
    }
}
