package org.kith.e2e.dav;

/** {@link LitmusTest} on SQLite. */
class SqliteLitmusTest extends LitmusTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
