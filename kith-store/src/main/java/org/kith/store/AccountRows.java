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
        return sql.one("SELECT " + COLS + " FROM accounts WHERE id = ? AND deleted_at IS NULL", AccountRows::account, id);
    }

    @Override
    public Optional<Account> byUsername(Username username) {
        return sql.one("SELECT " + COLS + " FROM accounts WHERE username_lc = ? AND deleted_at IS NULL", AccountRows::account,
                username.key());
    }

    @Override
    public Optional<String> passwordHash(long accountId) {
        return sql.one("SELECT password_hash FROM accounts WHERE id = ? AND deleted_at IS NULL", rs -> rs.getString(1), accountId);
    }

    @Override
    public void setPasswordHash(long accountId, String passwordHash) {
        sql.update("UPDATE accounts SET password_hash = ? WHERE id = ?", passwordHash, accountId);
    }

    @Override
    public void update(long accountId, String displayName, String region) {
        sql.update("UPDATE accounts SET display_name = ?, region = ? WHERE id = ?", displayName, region, accountId);
    }

    @Override
    public void delete(long accountId, Instant now) {
        sql.update("DELETE FROM card_phones WHERE account_id = ?", accountId);
        sql.update("DELETE FROM cards WHERE account_id = ?", accountId);
        // The username key becomes one no well-formed username has (':' is not allowed), so the
        // name is free again and the unique index still holds.
        sql.update("UPDATE accounts SET username = '', username_lc = ?, display_name = '', password_hash = '', "
                + "deleted_at = ? WHERE id = ?", "deleted:" + accountId, now, accountId);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("region"), Sql.instant(rs, "created_at"));
    }
}
