package org.kith.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The storage port on JDBC. SQLite: one writer connection (writes are serialised; the database
 * allows only one writer anyway) begun IMMEDIATE, plus a pool of readers working on WAL
 * snapshots; synchronous=FULL so an acknowledged write survives kill -9 and power loss.
 * PostgreSQL: one pool; writers serialise on the feed-clock row, readers use REPEATABLE READ.
 * Thread-safe.
 */
final class JdbcStore implements Store {
    private final Dialect dialect;
    private final HikariDataSource writers;
    private final HikariDataSource readers;

    private JdbcStore(Dialect dialect, HikariDataSource writers, HikariDataSource readers) {
        this.dialect = dialect;
        this.writers = writers;
        this.readers = readers;
    }

    static JdbcStore sqlite(Path file) {
        HikariDataSource writers = pool("kith-sqlite-writer", sqliteSource(file, true), 1, false);
        Migrator.migrate(writers, Dialect.SQLITE);
        HikariDataSource readers = pool("kith-sqlite-reader", sqliteSource(file, false), 4, true);
        return new JdbcStore(Dialect.SQLITE, writers, readers);
    }

    static JdbcStore postgres(String jdbcUrl) {
        HikariConfig config = baseConfig("kith-postgresql", 10);
        config.setJdbcUrl(jdbcUrl);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Migrator.migrate(pool, Dialect.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcStore(Dialect.POSTGRESQL, pool, pool);
    }

    private static DataSource sqliteSource(Path file, boolean writer) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(writer ? SQLiteConfig.TransactionMode.IMMEDIATE
                : SQLiteConfig.TransactionMode.DEFERRED);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    private static HikariDataSource pool(String name, DataSource source, int size, boolean readOnly) {
        HikariConfig config = baseConfig(name, size);
        config.setDataSource(source);
        config.setReadOnly(false); // SQLite's read-only flag is fixed at open; snapshots come from WAL
        return new HikariDataSource(config);
    }

    private static HikariConfig baseConfig(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setConnectionTimeout(30_000);
        return config;
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        return run(writers, false, work);
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        return run(readers, true, work);
    }

    private <T> T run(DataSource source, boolean readOnly, Function<StoreTx, T> work) {
        try (Connection c = source.getConnection()) {
            if (readOnly && dialect == Dialect.POSTGRESQL) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                T result = work.apply(new JdbcTx(c, dialect));
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                if (readOnly && dialect == Dialect.POSTGRESQL) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String dialect() {
        return dialect.displayName();
    }

    @Override
    public void close() {
        readers.close();
        writers.close();
    }
}
