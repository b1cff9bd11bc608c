package org.kith.server.push;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kith.core.Kith;
import org.kith.core.feed.ChangeNotice;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale-out over one PostgreSQL: every local commit is announced with NOTIFY, and notices from
 * other nodes are handed to this node's listeners, so a change committed anywhere reaches event
 * streams connected anywhere. The notice carries positions only; nodes read the data themselves.
 */
public final class PgNotifyBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifyBridge.class);
    private static final String CHANNEL = "kith_changes";

    private final String jdbcUrl;
    private final Kith kith;
    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private final Thread listener;
    private volatile boolean running = true;
    private Connection notifyConnection;

    public PgNotifyBridge(String jdbcUrl, Kith kith) {
        this.jdbcUrl = jdbcUrl;
        this.kith = kith;
        kith.addListener(this::announce);
        listener = new Thread(this::listen, "kith-pg-listen");
        listener.setDaemon(true);
        listener.start();
    }

    private synchronized void announce(ChangeNotice notice) {
        if (Thread.currentThread() == listener) {
            return; // a notice relayed from another node: it was announced there
        }
        String payload = nodeId + ":" + notice.seq() + ":" + csv(notice.groupIds()) + ":" + csv(notice.viewerIds());
        if (payload.length() > 7000 || notice.everyone()) {
            payload = nodeId + ":" + notice.seq() + ":*";
        }
        try {
            if (notifyConnection == null || notifyConnection.isClosed()) {
                notifyConnection = DriverManager.getConnection(jdbcUrl);
            }
            try (PreparedStatement ps = notifyConnection.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, payload);
                ps.execute();
            }
        } catch (SQLException e) {
            LOG.warn("could not announce position {} to other nodes", notice.seq(), e);
            notifyConnection = null;
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                backoff = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification n : notes) {
                        ChangeNotice notice = parse(n.getParameter());
                        if (notice != null) {
                            kith.publishRemote(notice);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("listening for other nodes' changes failed; retrying in {} ms", backoff, e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private ChangeNotice parse(String payload) {
        String[] parts = payload.split(":", -1);
        if (parts.length < 3 || parts[0].equals(nodeId)) {
            return null; // our own announcement
        }
        try {
            long seq = Long.parseLong(parts[1]);
            if (parts[2].equals("*")) {
                return ChangeNotice.everyone(seq);
            }
            return new ChangeNotice(seq, ids(parts[2]), parts.length > 3 ? ids(parts[3]) : Set.of(), false);
        } catch (NumberFormatException e) {
            LOG.warn("ignoring malformed change notice '{}'", payload);
            return null;
        }
    }

    private static Set<Long> ids(String csv) {
        Set<Long> ids = new HashSet<>();
        for (String s : csv.split(",")) {
            if (!s.isEmpty()) {
                ids.add(Long.parseLong(s));
            }
        }
        return ids;
    }

    private static String csv(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            if (notifyConnection != null) {
                notifyConnection.close();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
