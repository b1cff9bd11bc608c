package org.kith.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database up to this code's schema: applies the numbered files in {@code db/migration}
 * that it has not seen, in order, each in its own transaction together with its
 * {@code schema_version} row, and refuses a database newer than this code.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    /** The migrations this code knows, in order: V1 is the first. Add new files at the end. */
    static final List<String> MIGRATIONS = List.of("V1__init.sql", "V2__personal_books.sql",
            "V3__directory_tokens.sql", "V4__dead_properties_me_book.sql", "V5__account_deletion.sql",
            "V6__push.sql");

    private Migrator() {}

    static void migrate(DataSource dataSource, Dialect dialect) {
        migrate(dataSource, dialect, MIGRATIONS);
    }

    static void migrate(DataSource dataSource, Dialect dialect, List<String> migrations) {
        try (Connection c = dataSource.getConnection()) {
            for (int version = 1; version <= migrations.size(); version++) {
                String file = migrations.get(version - 1);
                if (!file.startsWith("V" + version + "__")) {
                    throw new IllegalStateException("migration " + version + " is named " + file);
                }
                applyIfNew(c, dialect, version, file, migrations.size());
            }
        } catch (SQLException e) {
            throw new StoreException("migrating the " + dialect.displayName() + " database failed: " + e.getMessage(),
                    e);
        }
    }

    /**
     * One transaction: take the migration lock, read the version, apply {@code file} if it is the
     * next one. Re-reading under the lock lets several nodes start against one database at once.
     */
    private static void applyIfNew(Connection c, Dialect dialect, int version, String file, int known)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(dialect.beginWrite());
            try {
                if (!dialect.migrationLock().isEmpty()) {
                    s.execute(dialect.migrationLock());
                }
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
                int current = currentVersion(s);
                if (current > known) {
                    throw new StoreException("the database has schema version " + current + " but this Kith knows only "
                            + known + "; run a newer Kith against it");
                }
                if (current == version - 1) {
                    for (String statement : split(dialect.migrationSql(read(file)))) {
                        s.execute(statement);
                    }
                    s.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (" + version + ", '"
                            + file + "', " + System.currentTimeMillis() + ")");
                    LOG.info("applied migration {} to the {} database", file, dialect.displayName());
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    private static int currentVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Splits at semicolons that end a line; drops comment lines. Migration files hold no procedures. */
    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String file) {
        try (InputStream in = Migrator.class.getResourceAsStream("/db/migration/" + file)) {
            if (in == null) {
                throw new StoreException("the migration " + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read the migration " + file + ": " + e.getMessage(), e);
        }
    }
}
