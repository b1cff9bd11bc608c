package org.kith.bench.dav;

import java.nio.file.Path;
import java.util.Map;

import org.kith.core.Kith;
import org.kith.core.model.Account;
import org.kith.server.Config;
import org.kith.server.KithServer;

/**
 * Kith in this JVM on an SQLite database in a temporary directory, with a cheap Argon2 setting
 * (only the first request of a password pays it; later ones hit the verified-credentials cache).
 */
final class KithTarget implements Target {
    private final Path dir;
    private final KithServer server;
    private final Account account;
    private final DavClient client;
    private final Thread cleaner;

    private KithTarget(Path dir, KithServer server) {
        this.dir = dir;
        this.cleaner = new Thread(() -> TempDirs.delete(dir), "kith-bench-cleaner");
        Runtime.getRuntime().addShutdownHook(cleaner); // Ctrl-C: the database goes too
        this.server = server;
        this.account = server.kith().accounts().register(USER, PASSWORD, "Bench", "CN");
        this.client = new DavClient("127.0.0.1", server.port(), USER, PASSWORD);
    }

    static KithTarget start() {
        Path dir = TempDirs.create("kith-bench-dav");
        try {
            KithServer server = KithServer.start(Config.load(new String[] {"--port", "0", "--host", "127.0.0.1",
                    "--data", dir.toString(), "--argon2-memory-kib", "1024", "--argon2-iterations", "1",
                    "--max-members", "200000"}, Map.of()));
            return new KithTarget(dir, server);
        } catch (Exception e) {
            TempDirs.delete(dir);
            throw new IllegalStateException("Kith did not start: " + e, e);
        }
    }

    @Override
    public String name() {
        return "Kith";
    }

    @Override
    public DavClient client() {
        return client;
    }

    @Override
    public String homePath() {
        return "/dav/addressbooks/" + USER + "/";
    }

    Kith kith() {
        return server.kith();
    }

    /** A client signed in as another account of this server, registered with {@link #PASSWORD}. */
    DavClient clientFor(String user) {
        return new DavClient("127.0.0.1", server.port(), user, PASSWORD);
    }

    /** The benchmark user's account. */
    Account account() {
        return account;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Kith did not stop cleanly: " + e);
        } finally {
            TempDirs.delete(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleaner);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook runs anyway
            }
        }
    }
}
