package org.kith.e2e.dav;

/** {@link SyncCollectionTest} on PostgreSQL. */
class PostgresSyncCollectionTest extends SyncCollectionTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
