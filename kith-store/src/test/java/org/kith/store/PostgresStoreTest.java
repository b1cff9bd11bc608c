package org.kith.store;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.kith.core.store.Store;

/**
 * The store contract on the machine's PostgreSQL: one database for the class, dropped at the
 * end, and an empty schema of its own for every test.
 */
class PostgresStoreTest extends StoreContractTest {
    @RegisterExtension
    static final PostgresPerClass POSTGRES = new PostgresPerClass();
    private String url;

    @Override
    Store openNew() throws Exception {
        url = POSTGRES.newSchema();
        return Stores.openPostgres(url);
    }

    @Override
    Store reopen() {
        return Stores.openPostgres(url);
    }

    /** With sequential scans priced out, a plan that still has one has no index to use. */
    @Override
    List<String> plan(Sql sql, String statement, Object[] params) {
        sql.update("SET LOCAL enable_seqscan = off");
        return sql.list("EXPLAIN " + statement, rs -> rs.getString(1), params);
    }

    @Override
    boolean scans(String planLine, String table) {
        return planLine.contains("Seq Scan on " + table + " ") || planLine.endsWith("Seq Scan on " + table);
    }
}
