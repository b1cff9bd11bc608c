package org.kith.e2e.dav;

/** {@link DeadPropertiesTest} on PostgreSQL. */
class PostgresDeadPropertiesTest extends DeadPropertiesTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
