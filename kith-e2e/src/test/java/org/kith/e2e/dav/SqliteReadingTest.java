package org.kith.e2e.dav;

/** {@link ReadingTest} on SQLite. */
class SqliteReadingTest extends ReadingTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
