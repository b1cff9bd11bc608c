package org.kith.core.view;

import java.util.List;

import org.kith.core.feed.FeedEvent;

/** Events after a position, and the position to continue from. */
public record FeedPage(List<FeedEvent> events, long position) {}
