package org.kith.e2e;

import org.kith.e2e.support.Postgres;

/** The patent's scenario on PostgreSQL. */
class PostgresPatentScenarioTest extends PatentScenarioTest {
    private Postgres db;

    @Override
    String databaseUrl() throws Exception {
        db = Postgres.createDatabase();
        return db.url();
    }

    @Override
    void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }
}
