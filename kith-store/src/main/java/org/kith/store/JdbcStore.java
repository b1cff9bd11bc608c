package org.kith.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;
import org.kith.core.store.ChangeSignal;
import org.kith.core.store.GroupStore;
import org.kith.core.store.LocalSignal;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;

/**
 * The storage port on JDBC. Every call of {@link #write} or {@link #read} is one transaction on
 * one pooled connection: committed if the callback returns, rolled back if it throws or if any
 * statement in it failed.
 *
 * <p>SQLite: writers queue on a fair in-process lock and begin IMMEDIATE on the one writer
 * connection, so a write never waits inside SQLite or fails to upgrade a read lock; reads run
 * concurrently on WAL snapshots. PostgreSQL: writers run READ COMMITTED and serialise where they
 * must on row locks (the feed clock, {@link GroupStore#lock}); reads are REPEATABLE READ, READ
 * ONLY. The change signal is in-process on SQLite (one process owns the file) and LISTEN/NOTIFY on
 * PostgreSQL ({@link PgNotifyBridge}). Thread-safe.
 */
final class JdbcStore implements Store {
    private static final long WRITE_LOCK_TIMEOUT_SECONDS = 60;
    private final Dialect dialect;
    /** Set while this thread runs a write here: a nested write would wait for itself forever. */
    private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);
    private final HikariDataSource writers;
    private final HikariDataSource readers;
    /** SQLite only: fairness keeps a burst of writers from starving one of them. */
    private final ReentrantLock writeLock;
    private final ChangeSignal signal;
    private final PgNotifyBridge bridge;

    /** @param jdbcUrl PostgreSQL's, for the change signal's own connections; null on SQLite */
    private JdbcStore(Dialect dialect, HikariDataSource writers, HikariDataSource readers, ReentrantLock writeLock,
                      String jdbcUrl) {
        this.dialect = dialect;
        this.writers = writers;
        this.readers = readers;
        this.writeLock = writeLock;
        this.bridge = jdbcUrl == null ? null : new PgNotifyBridge(jdbcUrl, () -> read(tx -> tx.feed().currentSeq()));
        this.signal = bridge == null ? new LocalSignal() : bridge;
    }

    static JdbcStore sqlite(Path file) {
        HikariDataSource writers = Pools.sqliteWriter(file);
        try {
            Migrator.migrate(writers, Dialect.SQLITE);
            return new JdbcStore(Dialect.SQLITE, writers, Pools.sqliteReaders(file), new ReentrantLock(true), null);
        } catch (RuntimeException e) {
            writers.close();
            throw e;
        }
    }

    static JdbcStore postgres(String jdbcUrl) {
        HikariDataSource pool = Pools.postgres(jdbcUrl);
        try {
            Migrator.migrate(pool, Dialect.POSTGRESQL);
            return new JdbcStore(Dialect.POSTGRESQL, pool, pool, null, jdbcUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        if (writing.get()) {
            throw new IllegalStateException("Store.write called inside a write transaction: it would wait for itself");
        }
        lockWriters();
        writing.set(true);
        try {
            return run(writers, dialect.beginWrite(), work);
        } finally {
            writing.set(false);
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        return run(readers, dialect.beginRead(), work);
    }

    private void lockWriters() {
        if (writeLock == null) {
            return;
        }
        try {
            if (!writeLock.tryLock(WRITE_LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) { // the timed form stays fair
                throw new StoreException("waited " + WRITE_LOCK_TIMEOUT_SECONDS + " s for the database's write lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database's write lock", e);
        }
    }

    /** A write on this store's writer connection and lock, outside the port: {@link JdbcPushStore}'s tables. */
    <T> T writeSql(Function<Sql, T> work) {
        if (writing.get()) {
            throw new IllegalStateException("a push write inside a write transaction would wait for itself");
        }
        lockWriters();
        writing.set(true);
        try {
            return runSql(writers, dialect.beginWrite(), work);
        } finally {
            writing.set(false);
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    /** A read on one snapshot, outside the port. */
    <T> T readSql(Function<Sql, T> work) {
        return runSql(readers, dialect.beginRead(), work);
    }

    private <T> T run(HikariDataSource pool, String begin, Function<StoreTx, T> work) {
        return runSql(pool, begin, sql -> work.apply(new JdbcTx(sql)));
    }

    private <T> T runSql(HikariDataSource pool, String begin, Function<Sql, T> work) {
        Connection c = connect(pool);
        boolean reusable = false;
        try {
            execute(c, begin);
            Sql sql = new Sql(c, dialect);
            T result;
            try {
                result = work.apply(sql);
            } catch (RuntimeException | Error e) {
                reusable = rollback(c, e);
                throw e;
            }
            if (sql.failed() != null) {
                reusable = rollback(c, null);
                throw new StoreException("rolled back: a statement of this transaction failed and the failure was "
                        + "caught instead of ending the transaction", sql.failed());
            }
            try {
                execute(c, "COMMIT");
            } catch (SQLException e) {
                StoreException failure = new StoreException("the commit failed: " + e.getMessage(), e);
                rollback(c, failure);
                throw failure;
            }
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot begin a transaction: " + e.getMessage(), e);
        } finally {
            release(pool, c, reusable);
        }
    }

    private static Connection connect(HikariDataSource pool) {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException("no database connection: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Rolls back; false if even that failed, so the connection must not be reused. */
    private static boolean rollback(Connection c, Throwable cause) {
        try {
            execute(c, "ROLLBACK");
            return true;
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
            return false;
        }
    }

    /** Returns the connection to the pool, or drops it when its transaction state is unknown. */
    private static void release(HikariDataSource pool, Connection c, boolean reusable) {
        if (!reusable) {
            pool.evictConnection(c);
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            pool.evictConnection(c);
        }
    }

    @Override
    public ChangeSignal signal() {
        return signal;
    }

    @Override
    public String dialect() {
        return dialect.displayName();
    }

    @Override
    public void close() {
        try {
            if (bridge != null) {
                bridge.close();
            }
        } finally {
            if (readers != writers) {
                readers.close();
            }
            writers.close();
        }
    }
}
