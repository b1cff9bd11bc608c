package org.kith.store.rules;

import org.kith.core.store.Store;
import org.kith.store.TestPostgres;
import org.kith.store.Stores;

class PostgresServiceRulesTest extends ServiceRulesTest {
    private TestPostgres db;

    @Override
    Store openStore() throws Exception {
        db = TestPostgres.createDatabase();
        return Stores.openPostgres(db.jdbcUrl());
    }

    @Override
    void dropStore() throws Exception {
        db.close();
    }
}
