package org.kith.e2e;

import org.kith.store.TestPostgres;

/** The patent's scenario on PostgreSQL. */
class PostgresPatentScenarioTest extends PatentScenarioTest {
    private TestPostgres db;

    @Override
    String databaseUrl() throws Exception {
        db = TestPostgres.createDatabase();
        return db.url();
    }

    @Override
    void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }
}
