package org.kith.core.model;

import java.time.Instant;

/** A group as stored: name, description, member limit and its owner. */
public record Group(long id, String name, String description, int memberLimit, boolean membersMayInvite,
                    long ownerId, Instant createdAt) {}
