package org.kith.e2e;

/** The patent's scenario on the embedded SQLite database (the default). */
class SqlitePatentScenarioTest extends PatentScenarioTest {
    @Override
    String databaseUrl() {
        return null;
    }

    @Override
    void dropDatabase() {
        // the database file lives in the test's temporary directory
    }
}
