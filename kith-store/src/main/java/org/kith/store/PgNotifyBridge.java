package org.kith.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.kith.core.feed.ChangeListener;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.store.ChangeSignal;
import org.kith.core.store.LocalSignal;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChangeSignal} of a PostgreSQL database that several server processes (nodes) share.
 * Every local commit goes to this process's subscribers at once and is then announced with
 * {@code NOTIFY kith_changes, '<node>:<seq>:<group ids>:<viewer ids>'} (or {@code <node>:<seq>:*},
 * "anyone", when the sets would not fit a notification); notices from other nodes are handed to
 * this process's subscribers, so a change committed anywhere reaches event streams connected
 * anywhere. Listening starts with the first subscriber and reconnects with a growing pause; after
 * a reconnection every subscriber is told to look again. Uses its own two connections, outside
 * the store's pool. Thread-safe.
 */
final class PgNotifyBridge implements ChangeSignal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifyBridge.class);
    static final String CHANNEL = "kith_changes";
    /** PostgreSQL refuses payloads from 8000 bytes; stay clear of it. */
    static final int MAX_PAYLOAD = 7000;
    private static final int HEALTH_CHECK_MS = 30_000;

    private final String jdbcUrl;
    private final LongSupplier currentSeq;
    private final LocalSignal local = new LocalSignal();
    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService announcer = Executors.newSingleThreadExecutor(r -> daemon(r, "kith-pg-notify"));
    private final Thread listener = daemon(this::listen, "kith-pg-listen");
    private volatile boolean running = true;
    private volatile Connection listening;
    private Connection notifying; // only used on the announcer thread

    /**
     * @param jdbcUrl    the database the store uses, as {@code jdbc:postgresql://…}
     * @param currentSeq the store's newest position, for the notice after a reconnection
     */
    PgNotifyBridge(String jdbcUrl, LongSupplier currentSeq) {
        this.jdbcUrl = jdbcUrl;
        this.currentSeq = currentSeq;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void publish(ChangeNotice notice) {
        local.publish(notice);
        try {
            announcer.execute(() -> announce(payload(nodeId, notice))); // never make the writer wait for NOTIFY
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public synchronized void subscribe(ChangeListener subscriber) {
        local.subscribe(subscriber);
        if (running && listener.getState() == Thread.State.NEW) {
            listener.start();
        }
    }

    private void announce(String payload) {
        for (int attempt = 0; attempt < 2 && running; attempt++) {
            try {
                if (notifying == null || notifying.isClosed()) {
                    notifying = DriverManager.getConnection(jdbcUrl);
                }
                try (PreparedStatement ps = notifying.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, payload);
                    ps.execute();
                }
                return;
            } catch (SQLException e) {
                closeQuietly(notifying);
                notifying = null;
                if (attempt == 1) {
                    LOG.warn("could not announce '{}' to other nodes", payload, e);
                }
            }
        }
    }

    private void listen() {
        long backoff = 250;
        boolean reconnecting = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
                listening = c;
                s.execute("LISTEN " + CHANNEL);
                if (reconnecting) {
                    // Notices sent while we were away are lost: have every stream look again.
                    LOG.info("listening for other nodes' changes again");
                    local.publish(ChangeNotice.everyone(currentSeq.getAsLong()));
                } else {
                    // the sign that other nodes' changes now reach this node's streams (docs/ARCHITECTURE.md)
                    LOG.info("listening for other nodes' changes");
                }
                backoff = 250;
                relay(c.unwrap(PGConnection.class), s);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                reconnecting = true;
                LOG.warn("listening for other nodes' changes failed; retrying in {} ms: {}", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                listening = null;
            }
        }
    }

    /** Hands other nodes' notices to this node until the connection breaks or the bridge closes. */
    private void relay(PGConnection pg, Statement s) throws SQLException {
        long quietSince = System.currentTimeMillis();
        while (running) {
            PGNotification[] notes = pg.getNotifications(1000);
            if (notes == null || notes.length == 0) {
                if (System.currentTimeMillis() - quietSince > HEALTH_CHECK_MS) {
                    s.execute("SELECT 1"); // a silently dead connection shows up here
                    quietSince = System.currentTimeMillis();
                }
                continue;
            }
            quietSince = System.currentTimeMillis();
            for (PGNotification n : notes) {
                ChangeNotice notice = parse(nodeId, n.getParameter());
                if (notice != null) {
                    local.publish(notice);
                }
            }
        }
    }

    /** The notification text for a notice from {@code node}. */
    static String payload(String node, ChangeNotice notice) {
        String full = node + ":" + notice.seq() + ":" + csv(notice.groupIds()) + ":" + csv(notice.viewerIds());
        return notice.everyone() || full.length() > MAX_PAYLOAD ? node + ":" + notice.seq() + ":*" : full;
    }

    /** The notice in a notification, or null for our own ({@code self}) or a malformed one. */
    static ChangeNotice parse(String self, String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(":", -1);
        if (parts.length < 3 || parts[0].equals(self)) {
            return null;
        }
        try {
            long seq = Long.parseLong(parts[1]);
            if (parts[2].equals("*")) {
                return ChangeNotice.everyone(seq);
            }
            return new ChangeNotice(seq, ids(parts[2]), parts.length > 3 ? ids(parts[3]) : Set.of(), false);
        } catch (NumberFormatException e) {
            LOG.warn("ignoring a malformed change notice '{}'", payload);
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

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // going away anyway
        }
    }

    /** Stops listening; announcements already queued get two seconds to go out. */
    @Override
    public synchronized void close() {
        running = false;
        listener.interrupt();
        closeQuietly(listening);
        announcer.shutdown();
        try {
            announcer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        announcer.shutdownNow();
        closeQuietly(notifying);
    }
}
