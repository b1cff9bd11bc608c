package org.kith.core;

import java.time.Duration;

/**
 * The server's limits, checked by the services whatever the surface. Built from the server's
 * configuration; {@link #defaults()} are the documented defaults.
 */
public record Limits(int maxMembersPerGroup, int defaultMemberLimit, int maxPhotoBytes, int maxCardBytes,
                     Duration sessionTtl, int changesPageSize, String defaultRegion, int maxInvitationHours) {

    public static Limits defaults() {
        return new Limits(100_000, 500, 256 * 1024, 512 * 1024, Duration.ofDays(30), 1000, "CN", 24 * 90);
    }

    public Limits withChangesPageSize(int size) {
        return new Limits(maxMembersPerGroup, defaultMemberLimit, maxPhotoBytes, maxCardBytes, sessionTtl, size,
                defaultRegion, maxInvitationHours);
    }
}
