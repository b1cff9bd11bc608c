package org.kith.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.AppPassword;

/**
 * App passwords and session tokens. Only hashes of the secrets are given and stored; a secret
 * hash is unique. Confined to its transaction's thread.
 */
public interface CredentialStore {

    /** Returns the new app password's id. */
    long insertAppPassword(long accountId, String name, String secretHash, Instant now);

    /** The account's app passwords, oldest first. */
    List<AppPassword> appPasswords(long accountId);

    /** Deletes the app password if it belongs to {@code accountId}; false if there was none. */
    boolean deleteAppPassword(long accountId, long appPasswordId);

    Optional<AppPassword> appPasswordBySecretHash(String secretHash);

    /** Records when an app password was last used. */
    void touchAppPassword(long appPasswordId, Instant now);

    void insertSession(String tokenHash, long accountId, Instant expiresAt);

    /** The account of a session token that expires after {@code now}. */
    Optional<Long> sessionAccount(String tokenHash, Instant now);

    void deleteSession(String tokenHash);
}
