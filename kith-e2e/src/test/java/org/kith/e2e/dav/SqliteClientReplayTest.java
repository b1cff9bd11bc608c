package org.kith.e2e.dav;

/** {@link ClientReplayTest} on SQLite. */
class SqliteClientReplayTest extends ClientReplayTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
