package org.kith.server.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kith.server.Config;
import org.kith.server.KithServer;

/**
 * The real server in-process: SQLite in a temporary directory (or a fresh PostgreSQL database),
 * a free port, cheap password hashing so tests can register many accounts, and a clock tests can
 * move.
 */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "password-123";

    private final KithServer server;
    private final TestDatabase database;
    private final TestClock clock = new TestClock();

    private TestServer(Path dir, TestDatabase database, List<String> extraFlags) throws Exception {
        this.database = database;
        List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--data", dir.toString(),
                "--argon2-memory-kib", "1024", "--argon2-iterations", "1"));
        args.addAll(database.flags());
        args.addAll(extraFlags);
        try {
            server = KithServer.start(Config.load(args.toArray(String[]::new), Map.of()), clock);
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    /** A server on SQLite under {@code dir}. */
    public static TestServer start(Path dir, String... extraFlags) throws Exception {
        return start(Database.SQLITE, dir, extraFlags);
    }

    /** A server on a fresh database of kind {@code db}, dropped again when the server closes. */
    public static TestServer start(Database db, Path dir, String... extraFlags) throws Exception {
        return new TestServer(dir, db.create(), List.of(extraFlags));
    }

    /** Which database this server runs on. */
    public Database database() {
        return database.kind();
    }

    public KithServer server() {
        return server;
    }

    public TestClock clock() {
        return clock;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public Http anonymous() {
        return Http.anonymous(baseUrl());
    }

    public Http as(String username) {
        return Http.basic(baseUrl(), username, PASSWORD);
    }

    /** Registers {@code username} (display name = the username capitalised) and returns its client. */
    public Http register(String username) {
        anonymous().post("/api/v1/accounts", Map.of("username", username, "password", PASSWORD,
                "displayName", Character.toUpperCase(username.charAt(0)) + username.substring(1))).expect(201);
        return as(username);
    }

    /** Creates a group owned by {@code owner} with {@code members} joined through invitations; returns its id. */
    public String group(String name, Http owner, String... members) {
        String id = owner.post("/api/v1/groups", Map.of("name", name)).expect(201).text("id");
        for (String m : members) {
            String inv = owner.post("/api/v1/groups/" + id + "/invitations", Map.of("username", m)).expect(201).text("id");
            as(m).post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
        }
        return id;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
