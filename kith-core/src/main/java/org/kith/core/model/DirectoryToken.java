package org.kith.core.model;

import java.time.Instant;

/**
 * A desk phone's secret for reading its owner's directories (XML phonebooks, LDAP). Only a hash
 * of the secret is stored. {@code expiresAt} is null for a token that does not expire.
 */
public record DirectoryToken(long id, long accountId, String name, Instant createdAt, Instant lastUsedAt,
                             Instant expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
