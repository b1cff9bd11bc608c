package org.kith.core.view;

import java.util.List;

import org.kith.core.feed.VisibleCard;

/**
 * What changed in a viewer's merged book since a token: cards added or updated, card UIDs
 * removed, groups whose group card may have changed. {@code more} as in {@link Changes}.
 */
public record MergedChanges(String syncToken, List<VisibleCard> updated, List<String> removed,
                            List<GroupMembers> groupsUpdated, boolean more) {}
