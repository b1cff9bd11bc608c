package org.kith.core.model;

import java.time.Instant;

/** A per-device password. The secret itself is never stored, only its hash. */
public record AppPassword(long id, long accountId, String name, Instant createdAt, Instant lastUsedAt) {}
