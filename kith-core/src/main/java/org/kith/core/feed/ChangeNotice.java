package org.kith.core.feed;

import java.util.Set;

/**
 * Published after a mutation commits: the feed position it reached and whom it may concern.
 * Carries no card data — listeners re-read the feed through the privacy policy. An empty
 * {@code groupIds} and {@code viewerIds} with {@code everyone} set means "anyone may be affected"
 * (used when a notice from another node was too large to carry the sets).
 */
public record ChangeNotice(long seq, Set<Long> groupIds, Set<Long> viewerIds, boolean everyone) {

    public ChangeNotice {
        groupIds = Set.copyOf(groupIds);
        viewerIds = Set.copyOf(viewerIds);
    }

    public static ChangeNotice everyone(long seq) {
        return new ChangeNotice(seq, Set.of(), Set.of(), true);
    }

    /** Whether a viewer who belongs to {@code viewerGroups} may have something new. */
    public boolean mayConcern(long viewerId, Set<Long> viewerGroups) {
        if (everyone || viewerIds.contains(viewerId)) {
            return true;
        }
        for (Long g : groupIds) {
            if (viewerGroups.contains(g)) {
                return true;
            }
        }
        return false;
    }
}
