package org.kith.e2e.dav;

/** {@link DiscoveryTest} on PostgreSQL. */
class PostgresDiscoveryTest extends DiscoveryTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
