package org.kith.e2e.dav;

/** {@link InteropTest} on SQLite. */
class SqliteInteropTest extends InteropTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
