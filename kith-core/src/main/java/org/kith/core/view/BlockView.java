package org.kith.core.view;

import java.time.Instant;

public record BlockView(String username, String displayName, Instant createdAt) {}
