package org.kith.e2e.dav;

/** {@link PrivacyTest} on SQLite. */
class SqlitePrivacyTest extends PrivacyTest {
    @Override
    Database database() {
        return Database.SQLITE;
    }
}
