package org.kith.e2e.dav;

/** {@link AndroidWritesTest} on SQLite. */
class SqliteAndroidWritesTest extends AndroidWritesTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
