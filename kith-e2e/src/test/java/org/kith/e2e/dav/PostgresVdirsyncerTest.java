package org.kith.e2e.dav;

/** {@link VdirsyncerTest} on PostgreSQL. */
class PostgresVdirsyncerTest extends VdirsyncerTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
