package org.kith.core.view;

import java.util.List;

import org.kith.core.feed.VisibleCard;

/**
 * What changed for one viewer in one group since a token. When {@code more} is set the answer
 * was truncated and {@code syncToken} is the position of the last change included, so asking
 * again from it continues exactly there.
 */
public record Changes(String syncToken, List<VisibleCard> updated, List<String> removed, boolean more) {}
