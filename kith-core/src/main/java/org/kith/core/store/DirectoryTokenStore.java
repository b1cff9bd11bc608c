package org.kith.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.DirectoryToken;

/**
 * Directory tokens: desk phones' read-only secrets. Only hashes of the secrets are given and
 * stored; a secret hash is unique. Confined to its transaction's thread.
 */
public interface DirectoryTokenStore {

    /** Stores a token; {@code expiresAt} null for one that never expires. Returns its id. */
    long insertDirectoryToken(long accountId, String name, String secretHash, Instant now, Instant expiresAt);

    /** The account's tokens, oldest first (expired ones included, so their owner sees them). */
    List<DirectoryToken> directoryTokens(long accountId);

    Optional<DirectoryToken> directoryTokenBySecretHash(String secretHash);

    /** Deletes the token if it belongs to {@code accountId}; false if there was none. */
    boolean deleteDirectoryToken(long accountId, long tokenId);

    void touchDirectoryToken(long tokenId, Instant now);
}
