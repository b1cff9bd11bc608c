package org.kith.store.rules;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.kith.core.store.Store;
import org.kith.store.Stores;

class SqliteMergedBooksRulesTest extends MergedBooksRulesTest {
    @TempDir
    Path dir;

    @Override
    Store openStore() {
        return Stores.openSqlite(dir.resolve("kith.db"));
    }
}
