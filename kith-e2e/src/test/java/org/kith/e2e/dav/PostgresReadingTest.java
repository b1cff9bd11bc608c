package org.kith.e2e.dav;

/** {@link ReadingTest} on PostgreSQL. */
class PostgresReadingTest extends ReadingTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
