package org.kith.core.view;

import java.util.List;

import org.kith.core.feed.VisibleCard;

/** Some named cards of a viewer's merged book: people and entries, and group cards (as their groups). */
public record MergedCards(List<VisibleCard> cards, List<GroupMembers> groups) {}
