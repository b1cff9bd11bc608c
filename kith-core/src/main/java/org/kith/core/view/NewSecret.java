package org.kith.core.view;

import java.time.Instant;

/** A freshly created secret (session token or app password), shown to its owner once. */
public record NewSecret(long id, String secret, Instant expiresAt) {}
