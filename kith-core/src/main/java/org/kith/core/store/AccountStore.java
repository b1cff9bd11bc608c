package org.kith.core.store;

import java.time.Instant;
import java.util.Optional;

import org.kith.core.model.Account;
import org.kith.core.model.Username;

/**
 * Accounts. A username is unique without regard to letter case ({@link Username#key()}); the
 * spelling it was registered with is kept and returned. Confined to its transaction's thread.
 */
public interface AccountStore {

    /**
     * Inserts an account together with its own card; returns the new id, or empty (and writes
     * nothing) if the username is taken in any letter case.
     */
    Optional<Long> insert(Username username, String displayName, String passwordHash, String region, String cardUid,
                          String cardVcard, String cardEtag, Instant now);

    Optional<Account> get(long id);

    /** The account whose username has the same key. */
    Optional<Account> byUsername(Username username);

    /** The stored password hash (empty only when there is no such account). */
    Optional<String> passwordHash(long accountId);
}
