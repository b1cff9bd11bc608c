package org.kith.e2e.dav;

/** {@link WritingTest} on SQLite. */
class SqliteWritingTest extends WritingTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
