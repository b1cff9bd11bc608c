package org.kith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How configured database URLs are read. */
class StoresTest {
    @Test
    void postgresUrlsAsPeopleWriteThemBecomeJdbcUrls() {
        assertThat(Stores.jdbcUrl("postgresql://postgres@127.0.0.1:5432/kith"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/kith?user=postgres");
        assertThat(Stores.jdbcUrl("postgres://db.example/kith"))
                .isEqualTo("jdbc:postgresql://db.example/kith");
        assertThat(Stores.jdbcUrl("postgresql://alice:p%40ss%20w%26rd@db:6543/kith?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:6543/kith?user=alice&password=p%40ss+w%26rd&sslmode=require");
        assertThat(Stores.jdbcUrl(" jdbc:postgresql://h/db?user=x ")).isEqualTo("jdbc:postgresql://h/db?user=x");
    }

    @Test
    void otherUrlsAreRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> Stores.jdbcUrl("mysql://u:secret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://user[:password]@host[:port]/database")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Stores.jdbcUrl("postgresql://u:secret@h"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database name")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Stores.open("sqlite:///tmp/x.db", Path.of("unused")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void databasesThatCannotBeOpenedAreStoreErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> Stores.openSqlite(dir.resolve("missing/dir/kith.db")))
                .isInstanceOf(StoreException.class).hasMessageContaining("missing/dir/kith.db");
        assertThatThrownBy(() -> Stores.openPostgres("jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=secret"))
                .isInstanceOf(StoreException.class).hasMessageContaining("nowhere").hasMessageNotContaining("secret");
    }
}
