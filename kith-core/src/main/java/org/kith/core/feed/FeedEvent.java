package org.kith.core.feed;

import org.kith.core.model.Group;

/** One thing a viewer's live stream tells them, already filtered by the privacy policy. */
public sealed interface FeedEvent {

    /** The feed position this event belongs to (several events may share one). */
    long seq();

    /** A card in one of the viewer's groups was added or changed ({@code card} set) or removed. */
    record CardChanged(long seq, long groupId, String uid, VisibleCard card) implements FeedEvent {
        public boolean removed() {
            return card == null;
        }
    }

    /** The viewer joined ({@code ADDED}), a group's attributes changed, or the viewer's membership ended. */
    record GroupChanged(long seq, long groupId, Op op, Group group) implements FeedEvent {}

    /** The viewer's position is too old or unknown: they must fetch everything again. */
    record ResyncRequired(long seq) implements FeedEvent {}

    enum Op { ADDED, UPDATED, REMOVED }
}
