package org.kith.core.model;

/**
 * One row of the change feed. Group rows ({@code viewerId} null) are seen by every member of the
 * group unless the {@code subjectAccountId} blocks them; viewer rows concern one viewer only.
 * A row says only "look again": what the viewer receives is decided from the current state.
 */
public record ChangeRow(long seq, long groupId, Long viewerId, Long subjectAccountId, String uid, ChangeKind kind) {}
