package org.kith.store;

/** What differs between the two databases; all other SQL is shared. */
enum Dialect {
    SQLITE("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "BEGIN IMMEDIATE", "BEGIN", "", ""),
    POSTGRESQL("postgresql", "BIGSERIAL PRIMARY KEY", "BEGIN ISOLATION LEVEL READ COMMITTED",
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", " FOR UPDATE",
            "SELECT pg_advisory_xact_lock(4848484848)");

    private final String displayName;
    private final String idColumn;
    private final String beginWrite;
    private final String beginRead;
    private final String forUpdate;
    private final String migrationLock;

    Dialect(String displayName, String idColumn, String beginWrite, String beginRead, String forUpdate,
            String migrationLock) {
        this.displayName = displayName;
        this.idColumn = idColumn;
        this.beginWrite = beginWrite;
        this.beginRead = beginRead;
        this.forUpdate = forUpdate;
        this.migrationLock = migrationLock;
    }

    String displayName() {
        return displayName;
    }

    /** Fills the placeholders of a migration file: {@code ${id}} is the auto-increment primary key. */
    String migrationSql(String sql) {
        return sql.replace("${id}", idColumn);
    }

    /**
     * Starts a read-write transaction. SQLite: IMMEDIATE takes the write lock at once, so a
     * writer never fails half-way trying to upgrade a read lock.
     */
    String beginWrite() {
        return beginWrite;
    }

    /** Starts a read-only transaction on one snapshot (WAL on SQLite, REPEATABLE READ on PostgreSQL). */
    String beginRead() {
        return beginRead;
    }

    /** The row-locking suffix of a SELECT; SQLite has none, its single writer already serialises. */
    String forUpdate() {
        return forUpdate;
    }

    /** A statement that serialises concurrent migrators (several nodes starting at once); empty if not needed. */
    String migrationLock() {
        return migrationLock;
    }
}
