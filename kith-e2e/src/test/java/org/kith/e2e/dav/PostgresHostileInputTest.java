package org.kith.e2e.dav;

/** {@link HostileInputTest} on PostgreSQL. */
class PostgresHostileInputTest extends HostileInputTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
