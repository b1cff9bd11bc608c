package org.kith.core.model;

import java.time.Instant;

/** A registered person. {@code username} keeps the spelling chosen at registration. */
public record Account(long id, String username, String displayName, String region, Instant createdAt) {}
