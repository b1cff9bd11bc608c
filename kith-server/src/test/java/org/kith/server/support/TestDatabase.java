package org.kith.server.support;

import java.util.List;

import org.kith.store.TestPostgres;

/**
 * One fresh database for one server: on SQLite the server's own file under its data folder, on
 * PostgreSQL a new database on the machine's server, dropped by {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {
    private final Database kind;
    private final TestPostgres postgres;

    private TestDatabase(Database kind, TestPostgres postgres) {
        this.kind = kind;
        this.postgres = postgres;
    }

    static TestDatabase create(Database kind) throws Exception {
        return new TestDatabase(kind, kind == Database.POSTGRES ? TestPostgres.createDatabase() : null);
    }

    public Database kind() {
        return kind;
    }

    /** The server's {@code --db} URL, or null for SQLite (the file in the server's data folder). */
    public String url() {
        return postgres == null ? null : postgres.url();
    }

    /** The server flags that select this database (none for SQLite). */
    public List<String> flags() {
        return postgres == null ? List.of() : List.of("--db", postgres.url());
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
