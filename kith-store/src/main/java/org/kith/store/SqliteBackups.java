package org.kith.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Online backups of the embedded SQLite database, and putting one back. A backup is a complete,
 * consistent database file taken with {@code VACUUM INTO} inside one read transaction: a running
 * server keeps serving and writing while it is taken, and the file holds exactly the commits that
 * came before that transaction began. Not thread-safe; meant for the command line.
 */
public final class SqliteBackups {
    private SqliteBackups() {}

    /** What a checked database file holds. */
    public record Summary(int schemaVersion, long accounts, long groups) {}

    /**
     * Writes a consistent copy of {@code database} to {@code target}, which must not exist.
     *
     * @throws StoreException if the database cannot be read, or {@code target} exists or cannot be written
     */
    public static Summary backup(Path database, Path target) {
        if (!Files.isRegularFile(database)) {
            throw new StoreException("there is no Kith database at " + database, null);
        }
        if (Files.exists(target)) {
            throw new StoreException("the backup file " + target + " already exists; choose a new name", null);
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new StoreException("cannot write the backup into " + dir + ": not a writable directory", null);
        }
        try (Connection c = open(database, false); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            deleteQuietly(target);
            throw new StoreException("the backup failed: " + e.getMessage(), e);
        }
        return check(target);
    }

    /**
     * Checks that {@code file} is an intact Kith database this code can open.
     *
     * @throws StoreException naming what is wrong with it
     */
    public static Summary check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("there is no file " + file, null);
        }
        try (Connection c = open(file, true); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new StoreException(file + " is damaged: " + verdict, null);
                }
            }
            int version;
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            } catch (SQLException e) {
                throw new StoreException(file + " is not a Kith database (it has no schema version)", e);
            }
            if (version > Migrator.MIGRATIONS.size()) {
                throw new StoreException(file + " has schema version " + version + ", newer than this Kith ("
                        + Migrator.MIGRATIONS.size() + "); restore it with a newer Kith", null);
            }
            return new Summary(version, count(s, "accounts"), count(s, "kith_groups"));
        } catch (SQLException e) {
            throw new StoreException(file + " is not a readable SQLite database: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code database} with the backup {@code backup} (checked first). The caller makes
     * sure no server uses the database meanwhile. The old file's write-ahead log is removed with
     * it, so nothing of the replaced database survives beside the restored one.
     *
     * @throws StoreException if the backup is not an intact Kith database or cannot be copied
     */
    public static Summary restore(Path backup, Path database) {
        Summary summary = check(backup);
        Path staging = database.resolveSibling(database.getFileName() + ".restoring");
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
            Files.copy(backup, staging, StandardCopyOption.REPLACE_EXISTING);
            check(staging);
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-wal"));
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-shm"));
            try {
                Files.move(staging, database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, database, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new StoreException("cannot put the backup in place at " + database + ": " + e.getMessage(), e);
        }
        return summary;
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: checking never creates or changes a file
        }
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the error being reported matters more
        }
    }
}
