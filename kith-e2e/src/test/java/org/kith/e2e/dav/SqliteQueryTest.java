package org.kith.e2e.dav;

/** {@link QueryTest} on SQLite. */
class SqliteQueryTest extends QueryTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
