package org.kith.e2e.dav;

/** {@link DeadPropertiesTest} on SQLite. */
class SqliteDeadPropertiesTest extends DeadPropertiesTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
