package org.kith.store.rules;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.kith.core.store.Store;
import org.kith.store.PostgresPerClass;
import org.kith.store.Stores;

/** One database for the class, an empty schema of its own for every test. */
class PostgresPersonalBooksRulesTest extends PersonalBooksRulesTest {
    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();

    @Override
    Store openStore() throws Exception {
        return Stores.openPostgres(POSTGRES.newSchema());
    }
}
