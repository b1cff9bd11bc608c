package org.kith.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;

import org.kith.core.store.Store;

/** Opens the store a configuration names. */
public final class Stores {
    private Stores() {}

    /**
     * @param dbUrl null or blank for SQLite in {@code dataDir}; {@code postgresql://user@host:port/db},
     *              {@code postgres://…} or {@code jdbc:postgresql://…} for PostgreSQL
     * @throws IllegalArgumentException for a URL of another kind
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

    public static Store openSqlite(Path file) {
        return JdbcStore.sqlite(file);
    }

    public static Store openPostgres(String jdbcUrl) {
        return JdbcStore.postgres(jdbcUrl);
    }

    /** The JDBC form of a PostgreSQL URL as users write it. */
    public static String jdbcUrl(String dbUrl) {
        if (dbUrl.startsWith("jdbc:postgresql://")) {
            return dbUrl;
        }
        if (!dbUrl.startsWith("postgresql://") && !dbUrl.startsWith("postgres://")) {
            throw new IllegalArgumentException("unsupported database URL '" + dbUrl
                    + "': use postgresql://user[:password]@host[:port]/database");
        }
        URI uri = URI.create(dbUrl);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("database URL '" + dbUrl + "' needs a host and a database name");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getPath());
        String sep = "?";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            jdbc.append(sep).append("user=").append(parts[0]);
            sep = "&";
            if (parts.length == 2) {
                jdbc.append(sep).append("password=").append(parts[1]);
            }
        }
        if (uri.getQuery() != null) {
            jdbc.append(sep).append(uri.getQuery());
        }
        return jdbc.toString();
    }
}
