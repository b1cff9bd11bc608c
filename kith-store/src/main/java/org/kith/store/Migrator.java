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
 * Applies the numbered SQL files in {@code db/migration} that the database has not seen yet,
 * each in its own transaction, and refuses to run against a database newer than this code.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    /** The migrations this code knows, in order. Add new files here. */
    static final List<String> MIGRATIONS = List.of("V1__init.sql");

    private Migrator() {}

    static void migrate(DataSource dataSource, Dialect dialect) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
            }
            int current = currentVersion(c);
            if (current > MIGRATIONS.size()) {
                throw new StoreException("the database has schema version " + current + " but this Kith knows only "
                        + MIGRATIONS.size() + "; run a newer Kith", null);
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                apply(c, dialect, v, MIGRATIONS.get(v - 1));
            }
        } catch (SQLException e) {
            throw new StoreException("migrating the database failed: " + e.getMessage(), e);
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, Dialect dialect, int version, String file) throws SQLException {
        String sql = dialect.migrationSql(read(file));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : split(sql)) {
                s.execute(statement);
            }
            s.execute("INSERT INTO schema_version (version, applied_at) VALUES (" + version + ", "
                    + System.currentTimeMillis() + ")");
            c.commit();
            LOG.info("applied migration {} ({})", version, file);
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Splits on semicolons at line ends; comment lines are dropped. The files hold no procedures. */
    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
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
                throw new StoreException("missing migration " + file, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + file, e);
        }
    }
}
