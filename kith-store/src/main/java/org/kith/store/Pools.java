package org.kith.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pools. Connections stay in auto-commit mode: {@link JdbcStore} opens and ends
 * every transaction with explicit BEGIN/COMMIT, so the begin statement (IMMEDIATE, isolation,
 * READ ONLY) is chosen per transaction instead of per connection.
 */
final class Pools {
    private static final int SQLITE_READERS = Math.max(4, Runtime.getRuntime().availableProcessors());
    private static final int POSTGRES_CONNECTIONS = 16;

    private Pools() {}

    /** One connection: SQLite has one writer, and the store's write lock queues the rest fairly. */
    static HikariDataSource sqliteWriter(Path file) {
        return sqlitePool("kith-sqlite-writer", file, 1, null);
    }

    /** Readers work on WAL snapshots next to the writer; query_only keeps a read from ever taking the write lock. */
    static HikariDataSource sqliteReaders(Path file) {
        return sqlitePool("kith-sqlite-reader", file, SQLITE_READERS, "PRAGMA query_only = 1");
    }

    static HikariDataSource postgres(String jdbcUrl) {
        HikariConfig config = config("kith-postgresql", POSTGRES_CONNECTIONS, null);
        config.setJdbcUrl(jdbcUrl);
        config.addDataSourceProperty("logServerErrorDetail", "false"); // keep row values out of error messages
        return start(config, "the PostgreSQL database " + jdbcUrl.replaceAll("password=[^&]*", "password=***"));
    }

    /**
     * WAL so readers never block the writer; synchronous=FULL so a commit is on disk before it is
     * acknowledged (NORMAL may lose the last commits on power loss); foreign keys on (SQLite's
     * default is off); a busy timeout for another process holding the file.
     */
    private static DataSource sqlite(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    private static HikariDataSource sqlitePool(String name, Path file, int size, String initSql) {
        HikariConfig config = config(name, size, initSql);
        config.setDataSource(sqlite(file));
        return start(config, "the SQLite database " + file.toAbsolutePath());
    }

    /** Opens the pool, which connects once at once: a wrong URL or a missing directory fails here, clearly. */
    private static HikariDataSource start(HikariConfig config, String what) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("cannot open " + what + ": " + cause.getMessage(), e);
        }
    }

    private static HikariConfig config(String name, int size, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setConnectionTimeout(30_000);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        return config;
    }
}
