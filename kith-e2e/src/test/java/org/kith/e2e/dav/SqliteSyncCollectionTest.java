package org.kith.e2e.dav;

/** {@link SyncCollectionTest} on SQLite. */
class SqliteSyncCollectionTest extends SyncCollectionTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
