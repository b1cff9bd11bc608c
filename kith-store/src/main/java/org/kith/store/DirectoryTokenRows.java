package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.DirectoryToken;
import org.kith.core.store.DirectoryTokenStore;

/** Directory tokens (desk phones' read-only secrets); only hashes of the secrets are stored. */
final class DirectoryTokenRows implements DirectoryTokenStore {
    private static final String COLS = "id, account_id, name, created_at, last_used_at, expires_at";
    private final Sql sql;

    DirectoryTokenRows(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long insertDirectoryToken(long accountId, String name, String secretHash, Instant now, Instant expiresAt) {
        return sql.insertId("INSERT INTO directory_tokens (account_id, name, secret_hash, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", accountId, name, secretHash, now, expiresAt);
    }

    @Override
    public List<DirectoryToken> directoryTokens(long accountId) {
        return sql.list("SELECT " + COLS + " FROM directory_tokens WHERE account_id = ? ORDER BY id",
                DirectoryTokenRows::token, accountId);
    }

    @Override
    public Optional<DirectoryToken> directoryTokenBySecretHash(String secretHash) {
        return sql.one("SELECT " + COLS + " FROM directory_tokens WHERE secret_hash = ?", DirectoryTokenRows::token,
                secretHash);
    }

    @Override
    public boolean deleteDirectoryToken(long accountId, long tokenId) {
        return sql.update("DELETE FROM directory_tokens WHERE id = ? AND account_id = ?", tokenId, accountId) > 0;
    }

    @Override
    public void touchDirectoryToken(long tokenId, Instant now) {
        sql.update("UPDATE directory_tokens SET last_used_at = ? WHERE id = ?", now, tokenId);
    }

    private static DirectoryToken token(ResultSet rs) throws SQLException {
        return new DirectoryToken(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"), Sql.instant(rs, "expires_at"));
    }
}
