package org.kith.core.view;

import java.util.List;

import org.kith.core.feed.VisibleCard;

/** Everything one viewer may see in one group, and the token to ask for changes from. */
public record Phonebook(String syncToken, List<VisibleCard> cards) {}
