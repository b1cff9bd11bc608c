package org.kith.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.kith.core.model.Account;

/** The accounts table. Usernames are unique case-insensitively through {@code username_lc}. */
final class AccountRows {
    private static final String COLS = "id, username, display_name, region, created_at";
    private final Sql sql;

    AccountRows(Sql sql) {
        this.sql = sql;
    }

    Optional<Long> insert(String username, String displayName, String passwordHash, String region, Instant now) {
        return sql.insertIdIfAbsent("INSERT INTO accounts (username, username_lc, display_name, password_hash, region, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", username, lower(username), displayName, passwordHash, region,
                now);
    }

    Optional<Account> byId(long id) {
        return sql.one("SELECT " + COLS + " FROM accounts WHERE id = ?", AccountRows::account, id);
    }

    Optional<Account> byUsername(String username) {
        return sql.one("SELECT " + COLS + " FROM accounts WHERE username_lc = ?", AccountRows::account,
                lower(username));
    }

    Optional<String> passwordHash(long accountId) {
        return sql.one("SELECT password_hash FROM accounts WHERE id = ?", rs -> rs.getString(1), accountId);
    }

    /** Root-locale lower case: the same key whatever the server's locale (no Turkish dotless i). */
    private static String lower(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("region"), Sql.instant(rs, "created_at"));
    }
}
