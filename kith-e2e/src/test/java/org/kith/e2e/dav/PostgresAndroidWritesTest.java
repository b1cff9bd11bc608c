package org.kith.e2e.dav;

/** {@link AndroidWritesTest} on PostgreSQL. */
class PostgresAndroidWritesTest extends AndroidWritesTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
