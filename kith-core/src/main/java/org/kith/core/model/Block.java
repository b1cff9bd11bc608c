package org.kith.core.model;

import java.time.Instant;

/** {@code blocker} hides their card from {@code blocked}. */
public record Block(long blockerId, long blockedId, Instant createdAt) {}
