package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.kith.core.model.Account;
import org.kith.core.model.Username;
import org.kith.core.store.AccountStore;

/** The accounts table. Usernames are unique by {@link Username#key()}, kept in {@code username_lc}. */
final class AccountRows implements AccountStore {
    private static final String COLS = "id, username, display_name, region, created_at";
    private final Sql sql;
    private final CardRows cards;

    AccountRows(Sql sql, CardRows cards) {
        this.sql = sql;
        this.cards = cards;
    }

    @Override
    public Optional<Long> insert(Username username, String displayName, String passwordHash, String region,
                                 String cardUid, String cardVcard, String cardEtag, Instant now) {
        Optional<Long> id = sql.insertIdIfAbsent("INSERT INTO accounts (username, username_lc, display_name, "
                + "password_hash, region, created_at) VALUES (?, ?, ?, ?, ?, ?)", username.text(), username.key(),
                displayName, passwordHash, region, now);
        id.ifPresent(accountId -> cards.insert(accountId, cardUid, cardVcard, cardEtag, now));
        return id;
    }

    @Override
    public Optional<Account> get(long id) {
        return sql.one("SELECT " + COLS + " FROM accounts WHERE id = ?", AccountRows::account, id);
    }

    @Override
    public Optional<Account> byUsername(Username username) {
        return sql.one("SELECT " + COLS + " FROM accounts WHERE username_lc = ?", AccountRows::account,
                username.key());
    }

    @Override
    public Optional<String> passwordHash(long accountId) {
        return sql.one("SELECT password_hash FROM accounts WHERE id = ?", rs -> rs.getString(1), accountId);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("region"), Sql.instant(rs, "created_at"));
    }
}
