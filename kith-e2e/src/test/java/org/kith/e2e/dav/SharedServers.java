package org.kith.e2e.dav;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

import org.kith.e2e.support.ServerProcess;
import org.kith.server.support.Database;
import org.kith.server.support.TestDatabase;

/**
 * One real Kith server process per database, shared by every CardDAV test class in this JVM:
 * starting a server per class would cost more than the tests. Tests stay independent because each
 * registers its own people and groups. The servers stop (and the PostgreSQL database is dropped)
 * when the test JVM exits.
 */
final class SharedServers {
    private static final Map<Database, ServerProcess> RUNNING = new EnumMap<>(Database.class);

    private SharedServers() {}

    /** The base URL ({@code http://127.0.0.1:port}) of the server on {@code db}, started on first use. */
    static synchronized String baseUrl(Database db) {
        ServerProcess running = RUNNING.get(db);
        if (running == null) {
            running = start(db);
            RUNNING.put(db, running);
        }
        return running.baseUrl();
    }

    /** The server's output so far, for failure messages. */
    static synchronized String output(Database db) {
        ServerProcess running = RUNNING.get(db);
        return running == null ? "" : running.output();
    }

    private static ServerProcess start(Database db) {
        try {
            Path tmp = Files.createTempDirectory("kith-dav-" + db.name().toLowerCase());
            TestDatabase database = db.create();
            ServerProcess server = ServerProcess.start(tmp.resolve("data"), database.url());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, database, tmp), "stop-kith-" + db));
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Kith on " + db + ": " + e.getMessage(), e);
        }
    }

    private static void stop(ServerProcess server, TestDatabase database, Path tmp) {
        try {
            server.close();
            database.close();
            try (var files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            System.err.println("cleaning up a test server failed: " + e);
        }
    }
}
