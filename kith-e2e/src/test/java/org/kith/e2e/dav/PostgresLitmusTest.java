package org.kith.e2e.dav;

/** {@link LitmusTest} on PostgreSQL. */
class PostgresLitmusTest extends LitmusTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
