package org.kith.e2e.dav;

/** {@link VdirsyncerTest} on SQLite. */
class SqliteVdirsyncerTest extends VdirsyncerTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
