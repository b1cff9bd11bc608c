package org.kith.core;

import java.time.Duration;

/**
 * The server's limits, checked by the services whatever the surface. Built from the server's
 * configuration; {@link #defaults()} are the documented defaults.
 */
public record Limits(int maxMembersPerGroup, int defaultMemberLimit, int maxPhotoBytes, int maxCardBytes,
                     Duration sessionTtl, int changesPageSize, String defaultRegion, int maxInvitationHours,
                     int maxPersonalBooks) {

    /** Personal books one person may have (CardDAV extended MKCOL beyond this is refused). */
    public static final int DEFAULT_MAX_PERSONAL_BOOKS = 100;

    /** The limits without a personal-book setting: it takes its default. */
    public Limits(int maxMembersPerGroup, int defaultMemberLimit, int maxPhotoBytes, int maxCardBytes,
                  Duration sessionTtl, int changesPageSize, String defaultRegion, int maxInvitationHours) {
        this(maxMembersPerGroup, defaultMemberLimit, maxPhotoBytes, maxCardBytes, sessionTtl, changesPageSize,
                defaultRegion, maxInvitationHours, DEFAULT_MAX_PERSONAL_BOOKS);
    }

    public static Limits defaults() {
        return new Limits(100_000, 500, 256 * 1024, 512 * 1024, Duration.ofDays(30), 1000, "CN", 24 * 90,
                DEFAULT_MAX_PERSONAL_BOOKS);
    }

    public Limits withChangesPageSize(int size) {
        return new Limits(maxMembersPerGroup, defaultMemberLimit, maxPhotoBytes, maxCardBytes, sessionTtl, size,
                defaultRegion, maxInvitationHours, maxPersonalBooks);
    }

    public Limits withMaxPersonalBooks(int max) {
        return new Limits(maxMembersPerGroup, defaultMemberLimit, maxPhotoBytes, maxCardBytes, sessionTtl,
                changesPageSize, defaultRegion, maxInvitationHours, max);
    }

    public Limits withMaxCardBytes(int max) {
        return new Limits(maxMembersPerGroup, defaultMemberLimit, maxPhotoBytes, max, sessionTtl, changesPageSize,
                defaultRegion, maxInvitationHours, maxPersonalBooks);
    }
}
