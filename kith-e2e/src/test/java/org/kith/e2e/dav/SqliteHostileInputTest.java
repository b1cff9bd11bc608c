package org.kith.e2e.dav;

/** {@link HostileInputTest} on SQLite. */
class SqliteHostileInputTest extends HostileInputTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
