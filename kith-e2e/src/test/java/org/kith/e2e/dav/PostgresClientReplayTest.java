package org.kith.e2e.dav;

/** {@link ClientReplayTest} on PostgreSQL. */
class PostgresClientReplayTest extends ClientReplayTest {
    @Override
    Database database() {
        return Database.POSTGRES;
    }
}
