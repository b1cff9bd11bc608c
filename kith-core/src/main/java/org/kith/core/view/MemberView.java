package org.kith.core.view;

import java.time.Instant;

import org.kith.core.model.Role;

public record MemberView(String username, String displayName, Role role, Instant joinedAt) {}
