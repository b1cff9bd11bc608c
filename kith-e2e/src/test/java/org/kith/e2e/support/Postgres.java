package org.kith.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the machine's PostgreSQL (127.0.0.1:5432, trust auth) for one test class,
 * dropped afterwards. Starts the cluster if it is stopped; never skips.
 */
public final class Postgres implements AutoCloseable {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private final String name;

    private Postgres(String name) {
        this.name = name;
    }

    public static Postgres createDatabase() throws Exception {
        ensureRunning();
        String name = "kith_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new Postgres(name);
    }

    /** The URL in the form the server's --db flag takes. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:5432/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    private static void ensureRunning() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL)) {
            return;
        } catch (SQLException notRunning) {
            String version = new String(new ProcessBuilder("ls", "/etc/postgresql").start().getInputStream()
                    .readAllBytes()).strip().split("\\s+")[0];
            new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
                    .inheritIO().start().waitFor();
            for (int i = 0; i < 30; i++) {
                try (Connection c = DriverManager.getConnection(ADMIN_URL)) {
                    return;
                } catch (SQLException e) {
                    Thread.sleep(1000);
                }
            }
            throw notRunning;
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
