package org.kith.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.kith.core.store.Store;

/**
 * One of the databases Kith runs on, as a test class sees it: {@link OnEveryDatabase} runs the
 * class once with each. Hands out stores on new, empty databases: on SQLite a new file in a
 * temporary directory of the class's own, on PostgreSQL a new schema of a database created for
 * the class (on the machine's PostgreSQL; a test fails, never skips, if it cannot be reached).
 * {@link #close()} removes the directory or drops the database. Not thread-safe: one test at a time.
 */
public abstract sealed class TestDatabase implements AutoCloseable {
    private String location;

    /** Every database, in the order the classes run on them. */
    public static Stream<TestDatabase> all() {
        return Stream.of(new Sqlite(), new Postgres());
    }

    /** A store on a new, empty database. Closing it is the caller's job. */
    public Store openNew() throws Exception {
        location = newDatabase();
        return open(location);
    }

    /** The database of the last {@link #openNew()}, opened again. */
    public Store reopen() {
        return open(location());
    }

    /** The last {@link #openNew()}'s database as {@link #open(String)} takes it (a child process opens it so). */
    public String location() {
        if (location == null) {
            throw new IllegalStateException("no database opened yet");
        }
        return location;
    }

    /** Opens a {@link #location()}: {@code sqlite:<file>} or a PostgreSQL JDBC URL. */
    public static Store open(String location) {
        return location.startsWith("sqlite:") ? Stores.openSqlite(Path.of(location.substring("sqlite:".length())))
                : Stores.openPostgres(location);
    }

    /** "sqlite" or "postgresql", as {@link Store#dialect()} says. */
    public abstract String name();

    abstract String newDatabase() throws Exception;

    /** The database's query plan for a statement, one line per element. */
    abstract List<String> plan(Sql sql, String statement, Object[] params);

    /** Whether a plan line reads the whole of {@code table}. */
    abstract boolean scans(String planLine, String table);

    @Override
    public String toString() {
        return name();
    }

    static final class Sqlite extends TestDatabase {
        private final AtomicInteger files = new AtomicInteger();
        private Path dir;

        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        String newDatabase() throws IOException {
            if (dir == null) {
                dir = Files.createTempDirectory("kith-store-test");
            }
            return "sqlite:" + dir.resolve("kith-" + files.incrementAndGet() + ".db");
        }

        @Override
        List<String> plan(Sql sql, String statement, Object[] params) {
            return sql.list("EXPLAIN QUERY PLAN " + statement, rs -> rs.getString("detail"), params);
        }

        /** A SEARCH is an index range; a SCAN reads the whole table (or the whole of an index). */
        @Override
        boolean scans(String planLine, String table) {
            return planLine.matches(".*\\bSCAN " + table + "\\b.*");
        }

        @Override
        public void close() {
            if (dir == null) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Postgres extends TestDatabase {
        private TestPostgres db;

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        String newDatabase() throws Exception {
            if (db == null) {
                db = TestPostgres.createDatabase();
            }
            return db.newSchema();
        }

        /** With sequential scans priced out, a plan that still has one has no index to use. */
        @Override
        List<String> plan(Sql sql, String statement, Object[] params) {
            sql.update("SET LOCAL enable_seqscan = off");
            return sql.list("EXPLAIN " + statement, rs -> rs.getString(1), params);
        }

        @Override
        boolean scans(String planLine, String table) {
            return planLine.contains("Seq Scan on " + table + " ") || planLine.endsWith("Seq Scan on " + table);
        }

        @Override
        public void close() throws SQLException {
            if (db != null) {
                db.close();
            }
        }
    }
}
