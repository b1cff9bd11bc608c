package org.kith.store;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.StoredCard;
import org.kith.core.store.CardStore;

/** Each person's own card and the E.164 numbers indexed from it. */
final class CardRows implements CardStore {
    private final Sql sql;

    CardRows(Sql sql) {
        this.sql = sql;
    }

    void insert(long accountId, String uid, String vcard, String etag, Instant now) {
        sql.update("INSERT INTO cards (account_id, uid, vcard, etag, updated_at) VALUES (?, ?, ?, ?, ?)", accountId,
                uid, vcard, etag, now);
    }

    @Override
    public Optional<StoredCard> get(long accountId) {
        return sql.one("SELECT account_id, uid, vcard, etag, updated_at FROM cards WHERE account_id = ?",
                rs -> new StoredCard(rs.getLong("account_id"), rs.getString("uid"), rs.getString("vcard"),
                        rs.getString("etag"), Sql.instant(rs, "updated_at")), accountId);
    }

    /** Compare-and-swap in one statement: zero rows touched means the expected etag was stale. */
    @Override
    public boolean update(long accountId, String vcard, String etag, String expectedEtag, Instant now) {
        if (expectedEtag == null) {
            return sql.update("UPDATE cards SET vcard = ?, etag = ?, updated_at = ? WHERE account_id = ?", vcard, etag,
                    now, accountId) > 0;
        }
        return sql.update("UPDATE cards SET vcard = ?, etag = ?, updated_at = ? WHERE account_id = ? AND etag = ?",
                vcard, etag, now, accountId, expectedEtag) > 0;
    }

    @Override
    public Optional<Long> accountOfUid(String uid) {
        return sql.one("SELECT account_id FROM cards WHERE uid = ?", rs -> rs.getLong(1), uid);
    }

    @Override
    public void setUid(long accountId, String uid) {
        sql.update("UPDATE cards SET uid = ? WHERE account_id = ?", uid, accountId);
    }

    @Override
    public void replacePhones(long accountId, Collection<String> e164Numbers) {
        sql.update("DELETE FROM card_phones WHERE account_id = ?", accountId);
        for (String number : new LinkedHashSet<>(e164Numbers)) {
            sql.update("INSERT INTO card_phones (account_id, e164) VALUES (?, ?)", accountId, number);
        }
    }

    @Override
    public List<Long> accountsWithPhone(String e164) {
        return sql.list("SELECT account_id FROM card_phones WHERE e164 = ? ORDER BY account_id", rs -> rs.getLong(1),
                e164);
    }
}
