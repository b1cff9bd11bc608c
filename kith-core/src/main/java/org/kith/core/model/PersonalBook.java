package org.kith.core.model;

import java.time.Instant;

/**
 * One of a person's own read-write address books (served over CardDAV in their home).
 * {@code syncToken} is the decimal position of the newest change to any of its cards, or of the
 * book's creation while it has had none; it changes exactly when a card is added, changed or
 * deleted, never for a rename.
 */
public record PersonalBook(long id, long ownerId, String slug, String displayName, String description,
                           String syncToken, Instant createdAt) {}
