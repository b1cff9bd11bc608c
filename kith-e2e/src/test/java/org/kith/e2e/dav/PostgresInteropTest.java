package org.kith.e2e.dav;

/** {@link InteropTest} on PostgreSQL. */
class PostgresInteropTest extends InteropTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
