package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.AppPassword;
import org.kith.core.store.CredentialStore;

/** App passwords and session tokens; only hashes of the secrets are stored. */
final class CredentialRows implements CredentialStore {
    private static final String APP_COLS = "id, account_id, name, created_at, last_used_at";
    private final Sql sql;

    CredentialRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long insertAppPassword(long accountId, String name, String secretHash, Instant now) {
        return sql.insertId("INSERT INTO app_passwords (account_id, name, secret_hash, created_at) VALUES (?, ?, ?, ?)",
                accountId, name, secretHash, now);
    }

    @Override
    public List<AppPassword> appPasswords(long accountId) {
        return sql.list("SELECT " + APP_COLS + " FROM app_passwords WHERE account_id = ? ORDER BY id",
                CredentialRows::appPassword, accountId);
    }

    @Override
    public boolean deleteAppPassword(long accountId, long appPasswordId) {
        return sql.update("DELETE FROM app_passwords WHERE id = ? AND account_id = ?", appPasswordId, accountId) > 0;
    }

    @Override
    public Optional<AppPassword> appPasswordBySecretHash(String secretHash) {
        return sql.one("SELECT " + APP_COLS + " FROM app_passwords WHERE secret_hash = ?", CredentialRows::appPassword,
                secretHash);
    }

    @Override
    public void touchAppPassword(long appPasswordId, Instant now) {
        sql.update("UPDATE app_passwords SET last_used_at = ? WHERE id = ?", now, appPasswordId);
    }

    @Override
    public void insertSession(String tokenHash, long accountId, Instant expiresAt) {
        sql.update("INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)", tokenHash, accountId,
                expiresAt);
    }

    @Override
    public Optional<Long> sessionAccount(String tokenHash, Instant now) {
        return sql.one("SELECT account_id FROM sessions WHERE token_hash = ? AND expires_at > ?", rs -> rs.getLong(1),
                tokenHash, now);
    }

    @Override
    public void deleteSession(String tokenHash) {
        sql.update("DELETE FROM sessions WHERE token_hash = ?", tokenHash);
    }

    private static AppPassword appPassword(ResultSet rs) throws SQLException {
        return new AppPassword(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"));
    }
}
