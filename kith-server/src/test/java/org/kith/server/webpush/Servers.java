package org.kith.server.webpush;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kith.server.support.TestServer;
import org.kith.store.TestPostgres;

/** Kith servers for one test on SQLite or on a fresh PostgreSQL database, closed together. */
final class Servers implements AutoCloseable {
    enum Db { SQLITE, POSTGRES }

    private final Db db;
    private final Path dir;
    private final TestPostgres pg;
    private final List<TestServer> started = new ArrayList<>();

    Servers(Db db, Path dir) throws Exception {
        this.db = db;
        this.dir = dir;
        this.pg = db == Db.POSTGRES ? TestPostgres.createDatabase() : null;
    }

    /** Another node on the same database (PostgreSQL), allowed to push to the loopback push service. */
    TestServer start(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--push-allow-hosts", "127.0.0.1", "--push-subject",
                "mailto:ops@kith.test"));
        if (pg != null) {
            args.addAll(List.of("--db", pg.url()));
        } else if (!started.isEmpty()) {
            throw new IllegalStateException("several nodes need PostgreSQL");
        }
        args.addAll(List.of(flags));
        TestServer s = TestServer.start(dir.resolve("node" + started.size()), args.toArray(String[]::new));
        started.add(s);
        return s;
    }

    @Override
    public void close() throws Exception {
        for (TestServer s : started) {
            s.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    public String toString() {
        return db.name();
    }
}
