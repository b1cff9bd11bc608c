package org.kith.e2e.dav;

/** {@link PrivacyTest} on PostgreSQL. */
class PostgresPrivacyTest extends PrivacyTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
