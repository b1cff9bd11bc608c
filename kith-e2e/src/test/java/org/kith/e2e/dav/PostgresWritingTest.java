package org.kith.e2e.dav;

/** {@link WritingTest} on PostgreSQL. */
class PostgresWritingTest extends WritingTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
