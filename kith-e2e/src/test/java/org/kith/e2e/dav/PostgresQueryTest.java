package org.kith.e2e.dav;

/** {@link QueryTest} on PostgreSQL. */
class PostgresQueryTest extends QueryTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
