package org.kith.store;

import java.sql.SQLException;

/** What differs between the two databases; everything else is shared SQL. */
enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", " FOR UPDATE"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", " FOR UPDATE");

    private final String idColumn;
    private final String forUpdate;

    Dialect(String idColumn, String forUpdate) {
        this.idColumn = idColumn;
        this.forUpdate = forUpdate;
    }

    /** Fills the migration placeholders. */
    String migrationSql(String sql) {
        return sql.replace("${id}", idColumn);
    }

    /** Row locking clause; SQLite has none (its single writer already serialises). */
    String forUpdate() {
        return this == SQLITE ? "" : forUpdate;
    }

    boolean isUniqueViolation(SQLException e) {
        if (this == POSTGRESQL) {
            return "23505".equals(e.getSQLState());
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("UNIQUE constraint failed") || message.contains("PRIMARY KEY constraint failed");
    }

    String displayName() {
        return this == SQLITE ? "sqlite" : "postgresql";
    }
}
