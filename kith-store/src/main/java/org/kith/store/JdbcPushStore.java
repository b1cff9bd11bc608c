package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.kith.core.push.PushRegistration;
import org.kith.core.push.PushStore;
import org.kith.core.push.VapidKeys;

/**
 * {@link PushStore} on the store's own connections: writes take the same writer lock (SQLite) as
 * phonebook mutations, and each is one short transaction.
 */
final class JdbcPushStore implements PushStore {
    private static final String COLS = "id, public_id, account_id, book, push_resource, p256dh, auth, created_at, "
            + "expires_at, pushed_seq, last_push_at, last_error";
    /** Ids per IN list: well below both databases' parameter limits. */
    private static final int IDS_PER_STATEMENT = 500;

    private final JdbcStore store;

    JdbcPushStore(JdbcStore store) {
        this.store = store;
    }

    @Override
    public VapidKeys vapidKeys(Supplier<VapidKeys> create) {
        Optional<VapidKeys> stored = store.readSql(JdbcPushStore::keys);
        if (stored.isPresent()) {
            return stored.get();
        }
        VapidKeys fresh = create.get();
        return store.writeSql(sql -> {
            // ON CONFLICT: a node that started at the same moment stored its keys first; take those
            sql.insertIfAbsent("INSERT INTO push_keys (id, vapid_public, vapid_private, topic_secret, created_at) "
                    + "VALUES (1, ?, ?, ?, ?)", fresh.publicKey(), fresh.privateKey(), fresh.topicSecret(),
                    Instant.now());
            return keys(sql).orElseThrow(() -> new StoreException("the VAPID keys were not stored"));
        });
    }

    private static Optional<VapidKeys> keys(Sql sql) {
        return sql.one("SELECT vapid_public, vapid_private, topic_secret FROM push_keys WHERE id = 1",
                rs -> new VapidKeys(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    @Override
    public PushRegistration register(Subscription s, String newPublicId, Instant now) {
        return store.writeSql(sql -> {
            int updated = sql.update("UPDATE push_registrations SET p256dh = ?, auth = ?, expires_at = ?, "
                    + "last_error = NULL WHERE account_id = ? AND book = ? AND push_resource = ?", s.p256dh(),
                    s.auth(), s.expiresAt(), s.accountId(), s.book(), s.pushResource());
            if (updated == 0) {
                sql.update("INSERT INTO push_registrations (public_id, account_id, book, push_resource, p256dh, auth, "
                        + "created_at, expires_at, pushed_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", newPublicId,
                        s.accountId(), s.book(), s.pushResource(), s.p256dh(), s.auth(), now, s.expiresAt(),
                        s.seenSeq());
            }
            return sql.one("SELECT " + COLS + " FROM push_registrations WHERE account_id = ? AND book = ? "
                    + "AND push_resource = ?", JdbcPushStore::row, s.accountId(), s.book(), s.pushResource())
                    .orElseThrow(() -> new StoreException("the push registration was not stored"));
        });
    }

    @Override
    public void registerAll(List<Subscription> subscriptions, List<String> publicIds, Instant now) {
        store.writeSql(sql -> {
            for (int i = 0; i < subscriptions.size(); i++) {
                Subscription s = subscriptions.get(i);
                sql.update("INSERT INTO push_registrations (public_id, account_id, book, push_resource, p256dh, auth, "
                        + "created_at, expires_at, pushed_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", publicIds.get(i),
                        s.accountId(), s.book(), s.pushResource(), s.p256dh(), s.auth(), now, s.expiresAt(), s.seenSeq());
            }
            return null;
        });
    }

    @Override
    public int count(Instant now) {
        return (int) (long) store.readSql(sql -> sql.number("SELECT COUNT(*) FROM push_registrations WHERE expires_at >= ?",
                now));
    }

    @Override
    public List<PushRegistration> list(long accountId) {
        return store.readSql(sql -> sql.list("SELECT " + COLS + " FROM push_registrations WHERE account_id = ? "
                + "ORDER BY created_at DESC, id DESC", JdbcPushStore::row, accountId));
    }

    @Override
    public Optional<PushRegistration> find(long accountId, String publicId) {
        return store.readSql(sql -> sql.one("SELECT " + COLS + " FROM push_registrations WHERE account_id = ? "
                + "AND public_id = ?", JdbcPushStore::row, accountId, publicId));
    }

    @Override
    public boolean delete(long accountId, String publicId) {
        return store.writeSql(sql -> sql.update("DELETE FROM push_registrations WHERE account_id = ? AND public_id = ?",
                accountId, publicId) > 0);
    }

    @Override
    public void deleteById(long id) {
        store.writeSql(sql -> sql.update("DELETE FROM push_registrations WHERE id = ?", id));
    }

    @Override
    public int deleteExpired(Instant now) {
        return store.writeSql(sql -> sql.update("DELETE FROM push_registrations WHERE expires_at < ?", now));
    }

    @Override
    public List<PushRegistration> concerned(Collection<Long> accountIds, Collection<Long> groupIds, boolean everyone,
                                            Instant now) {
        return store.readSql(sql -> {
            if (everyone) {
                return sql.list("SELECT " + COLS + " FROM push_registrations WHERE expires_at >= ? ORDER BY id",
                        JdbcPushStore::row, now);
            }
            List<PushRegistration> out = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (List<Long> chunk : chunks(accountIds)) {
                add(out, seen, sql.list("SELECT " + COLS + " FROM push_registrations WHERE expires_at >= ? AND "
                        + "account_id IN (" + Sql.placeholders(chunk.size()) + ")", JdbcPushStore::row,
                        params(now, chunk)));
            }
            for (List<Long> chunk : chunks(groupIds)) {
                add(out, seen, sql.list("SELECT " + COLS + " FROM push_registrations WHERE expires_at >= ? AND "
                        + "account_id IN (SELECT account_id FROM memberships WHERE left_seq IS NULL AND group_id IN ("
                        + Sql.placeholders(chunk.size()) + "))", JdbcPushStore::row, params(now, chunk)));
            }
            return out;
        });
    }

    private static void add(List<PushRegistration> out, Set<Long> seen, List<PushRegistration> rows) {
        for (PushRegistration r : rows) {
            if (seen.add(r.id())) {
                out.add(r);
            }
        }
    }

    @Override
    public Set<Long> claim(Map<Long, Long> positions) {
        if (positions.isEmpty()) {
            return Set.of();
        }
        // rows are always locked in id order, here and in recordOutcomes: two nodes never deadlock
        return store.writeSql(sql -> {
            Set<Long> claimed = new HashSet<>();
            for (Map.Entry<Long, Long> e : new java.util.TreeMap<>(positions).entrySet()) {
                if (sql.update("UPDATE push_registrations SET pushed_seq = ? WHERE id = ? AND pushed_seq < ?",
                        e.getValue(), e.getKey(), e.getValue()) > 0) {
                    claimed.add(e.getKey());
                }
            }
            return claimed;
        });
    }

    @Override
    public void recordOutcomes(Collection<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Outcome> ordered = new ArrayList<>(outcomes);
        ordered.sort(java.util.Comparator.comparingLong(Outcome::id));
        store.writeSql(sql -> {
            for (Outcome o : ordered) {
                if (o.error() == null) {
                    sql.update("UPDATE push_registrations SET last_push_at = ?, last_error = NULL WHERE id = ?", o.at(),
                            o.id());
                } else {
                    String error = o.error().length() > 300 ? o.error().substring(0, 300) : o.error();
                    sql.update("UPDATE push_registrations SET last_error = ? WHERE id = ?", error, o.id());
                }
            }
            return null;
        });
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IDS_PER_STATEMENT) {
            out.add(all.subList(i, Math.min(all.size(), i + IDS_PER_STATEMENT)));
        }
        return out;
    }

    private static Object[] params(Instant now, List<Long> ids) {
        Object[] params = new Object[ids.size() + 1];
        params[0] = now;
        for (int i = 0; i < ids.size(); i++) {
            params[i + 1] = ids.get(i);
        }
        return params;
    }

    private static PushRegistration row(ResultSet rs) throws SQLException {
        return new PushRegistration(rs.getLong("id"), rs.getString("public_id"), rs.getLong("account_id"),
                rs.getString("book"), rs.getString("push_resource"), rs.getString("p256dh"), rs.getString("auth"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"), rs.getLong("pushed_seq"),
                Sql.instant(rs, "last_push_at"), rs.getString("last_error"));
    }
}
