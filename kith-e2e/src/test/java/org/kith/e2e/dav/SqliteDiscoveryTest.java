package org.kith.e2e.dav;

/** {@link DiscoveryTest} on SQLite. */
class SqliteDiscoveryTest extends DiscoveryTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
