package org.kith.core.model;

import java.time.Instant;

/**
 * A personal book as stored: {@code createdSeq} is the feed position of its creation (sync
 * tokens below it belong to an earlier book of the same slug), {@code headSeq} the newest
 * position of any of its card rows, live or deleted, or {@code createdSeq} if it has none.
 */
public record StoredBook(long id, long ownerId, String slug, String displayName, String description,
                         long createdSeq, long headSeq, Instant createdAt) {}
