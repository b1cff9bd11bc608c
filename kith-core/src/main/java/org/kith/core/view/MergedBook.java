package org.kith.core.view;

import java.util.List;

import org.kith.core.feed.VisibleCard;

/**
 * Every person and managed entry a viewer may see across all their groups, each once, plus one
 * {@link GroupMembers} per group, and the token to ask for changes from.
 */
public record MergedBook(String syncToken, List<VisibleCard> cards, List<GroupMembers> groups) {}
