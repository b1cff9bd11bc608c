package org.kith.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;

/** The store contract on an SQLite file in a temporary directory, plus SQLite's own settings. */
class SqliteStoreTest extends StoreContractTest {
    @TempDir
    Path dir;
    private Path file;

    @Override
    Store openNew() throws Exception {
        file = Files.createTempFile(dir, "kith", ".db");
        Files.delete(file);
        return Stores.openSqlite(file);
    }

    @Override
    Store reopen() {
        return Stores.openSqlite(file);
    }

    @Override
    List<String> plan(Sql sql, String statement, Object[] params) {
        return sql.list("EXPLAIN QUERY PLAN " + statement, rs -> rs.getString("detail"), params);
    }

    @Override
    boolean scans(String planLine, String table) {
        // a SEARCH is an index range; a SCAN reads the whole table (or the whole of an index)
        return planLine.matches(".*\\bSCAN " + table + "\\b.*");
    }

    @Test
    void writesAreDurableAndConstrained() {
        List<Long> writer = store.write((StoreTx tx) -> List.of(
                ((JdbcTx) tx).sql().number("PRAGMA synchronous"),
                ((JdbcTx) tx).sql().number("PRAGMA foreign_keys"),
                ((JdbcTx) tx).sql().number("PRAGMA busy_timeout")));
        assertThat(writer).containsExactly(2L, 1L, 10_000L); // 2 = FULL
        assertThat(store.read((StoreTx tx) -> ((JdbcTx) tx).sql().one("PRAGMA journal_mode", rs -> rs.getString(1))))
                .contains("wal");
        assertThat(store.read((StoreTx tx) -> ((JdbcTx) tx).sql().number("PRAGMA synchronous"))).isEqualTo(2);
    }

    @Test
    void openCreatesTheDataDirectory() {
        Path data = dir.resolve("nested/data");
        try (Store opened = Stores.open(" ", data)) {
            assertThat(opened.dialect()).isEqualTo("sqlite");
        }
        assertThat(data.resolve("kith.db")).exists();
    }
}
