package org.kith.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.core.store.Store;
import org.kith.core.store.StoreTx;

/**
 * What only SQLite has: the connection settings that make its writes durable and constrained,
 * and the data directory the default database lives in. Everything both databases share is in
 * the {@link OnEveryDatabase} tests.
 */
class SqliteSettingsTest {
    @TempDir
    Path dir;

    @Test
    void writesAreDurableAndConstrained() {
        try (Store store = Stores.openSqlite(dir.resolve("kith.db"))) {
            List<Long> writer = store.write((StoreTx tx) -> List.of(
                    ((JdbcTx) tx).sql().number("PRAGMA synchronous"),
                    ((JdbcTx) tx).sql().number("PRAGMA foreign_keys"),
                    ((JdbcTx) tx).sql().number("PRAGMA busy_timeout")));
            assertThat(writer).containsExactly(2L, 1L, 10_000L); // 2 = FULL
            assertThat(store.read((StoreTx tx) -> ((JdbcTx) tx).sql().one("PRAGMA journal_mode", rs -> rs.getString(1))))
                    .contains("wal");
            assertThat(store.read((StoreTx tx) -> ((JdbcTx) tx).sql().number("PRAGMA synchronous"))).isEqualTo(2);
        }
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
