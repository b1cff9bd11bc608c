package org.kith.store;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kith.core.push.PushStore;
import org.kith.core.store.Store;

/**
 * Opens the store a configuration names, creating or migrating its schema first. The returned
 * {@link Store} is thread-safe and owns a connection pool: close it on shutdown.
 */
public final class Stores {
    private Stores() {}

    /**
     * @param dbUrl   null or blank for SQLite in {@code dataDir/kith.db};
     *                {@code postgresql://user[:password]@host[:port]/db}, {@code postgres://…} or
     *                {@code jdbc:postgresql://…} for PostgreSQL
     * @param dataDir where the SQLite file lives; created if missing (unused for PostgreSQL)
     * @throws IllegalArgumentException for a URL of another kind
     * @throws StoreException if the database cannot be opened or is newer than this code
     */
    public static Store open(String dbUrl, Path dataDir) {
        if (dbUrl == null || dbUrl.isBlank()) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
            }
            return openSqlite(dataDir.resolve("kith.db"));
        }
        return openPostgres(jdbcUrl(dbUrl));
    }

    /** SQLite in {@code file} (created if missing; its directory must exist). */
    public static Store openSqlite(Path file) {
        return JdbcStore.sqlite(file);
    }

    /** PostgreSQL at a {@code jdbc:postgresql://} URL; the database must exist. */
    public static Store openPostgres(String jdbcUrl) {
        return JdbcStore.postgres(jdbcUrl);
    }

    /**
     * The push registrations and VAPID keys kept in the same database as {@code store}, on its
     * connections. Thread-safe.
     * @throws IllegalArgumentException if {@code store} was not opened here
     */
    public static PushStore push(Store store) {
        if (!(store instanceof JdbcStore jdbc)) {
            throw new IllegalArgumentException("not a store opened by Stores: " + store);
        }
        return new JdbcPushStore(jdbc);
    }

    /**
     * The JDBC form of a PostgreSQL URL as people write it: {@code postgresql://alice:pw@db:5432/kith?sslmode=require}
     * becomes {@code jdbc:postgresql://db:5432/kith?user=alice&password=pw&sslmode=require}.
     *
     * @throws IllegalArgumentException if it is not a PostgreSQL URL with a host and a database name
     */
    public static String jdbcUrl(String dbUrl) {
        String url = dbUrl.strip();
        if (url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException("unsupported database URL '" + redact(url)
                    + "': use postgresql://user[:password]@host[:port]/database, or nothing for SQLite");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed database URL '" + redact(url) + "': " + e.getMessage(), e);
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("database URL '" + redact(url) + "' needs a host and a database name");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath());
        String sep = "?";
        if (uri.getUserInfo() != null) { // decoded here, encoded again as query parameters
            String[] parts = uri.getUserInfo().split(":", 2);
            jdbc.append(sep).append("user=").append(encode(parts[0]));
            sep = "&";
            if (parts.length == 2) {
                jdbc.append(sep).append("password=").append(encode(parts[1]));
            }
        }
        if (uri.getRawQuery() != null) {
            jdbc.append(sep).append(uri.getRawQuery());
        }
        return jdbc.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The URL without its password, for error messages. */
    private static String redact(String url) {
        return url.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@");
    }
}
