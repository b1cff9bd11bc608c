package org.kith.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the machine's PostgreSQL (127.0.0.1:5432, trust auth, user postgres or
 * root) for one test class, dropped by {@link #close()}. Starts the cluster if it is stopped;
 * never skips. {@link #newSchema()} gives each test an empty schema of its own.
 */
public final class TestPostgres implements AutoCloseable {
    private static final String HOST = "127.0.0.1:5432";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final String user;
    private final String name;

    private TestPostgres(String user, String name) {
        this.user = user;
        this.name = name;
    }

    public static TestPostgres createDatabase() throws Exception {
        String user = adminUser();
        String name = "kith_store_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(user, "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new TestPostgres(user, name);
    }

    /** The URL in the form the server's --db flag takes. */
    public String url() {
        return "postgresql://" + user + "@" + HOST + "/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + "/" + name + "?user=" + user;
    }

    /** Creates an empty schema in this database and returns a JDBC URL whose tables live in it. */
    public String newSchema() throws SQLException {
        String schema = "t" + SCHEMAS.incrementAndGet();
        try (Connection c = admin(user, name); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return jdbcUrl() + "&currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = admin(user, "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin(String user, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + database + "?user=" + user);
    }

    /** The first of postgres/root that can connect, starting the cluster once if neither can. */
    private static String adminUser() throws Exception {
        String user = tryUsers();
        if (user != null) {
            return user;
        }
        startCluster();
        for (int i = 0; i < 30; i++) {
            user = tryUsers();
            if (user != null) {
                return user;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("PostgreSQL at " + HOST + " did not accept connections as postgres or root");
    }

    private static String tryUsers() {
        for (String user : List.of("postgres", "root")) {
            try (Connection c = admin(user, "postgres")) {
                return user;
            } catch (SQLException e) {
                // try the next user, or start the cluster
            }
        }
        return null;
    }

    private static void startCluster() throws IOException, InterruptedException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed (no /etc/postgresql/*)"));
        }
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && !output.contains("already running")) {
            throw new IllegalStateException("pg_ctlcluster failed: " + output);
        }
    }
}
