package org.kith.store.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.kith.core.store.Store;
import org.kith.store.Stores;

class SqliteServiceRulesTest extends ServiceRulesTest {
    private Path dir;

    @Override
    Store openStore() throws Exception {
        dir = Files.createTempDirectory("kith-rules");
        return Stores.openSqlite(dir.resolve("kith.db"));
    }

    @Override
    void dropStore() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
