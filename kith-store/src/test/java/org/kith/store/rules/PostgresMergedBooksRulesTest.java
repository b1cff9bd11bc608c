package org.kith.store.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.kith.core.store.Store;
import org.kith.store.Stores;
import org.kith.store.TestPostgres;

/** One database for the class, an empty schema of its own for every test. */
class PostgresMergedBooksRulesTest extends MergedBooksRulesTest {
    private static TestPostgres db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = TestPostgres.createDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Override
    Store openStore() throws Exception {
        return Stores.openPostgres(db.newSchema());
    }

    @Override
    void dropStore() {
        // the database is dropped after the class
    }
}
