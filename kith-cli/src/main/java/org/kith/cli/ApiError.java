package org.kith.cli;

import java.util.Set;

/** The server answered with an error status; the message is the problem in one line. */
final class ApiError extends CliError {
    /** The server's codes for a sync token it can no longer continue from. */
    private static final Set<String> RESYNC = Set.of("sync-token-invalid", "sync-token-too-old", "sync-groups-changed");

    final Problem problem;

    ApiError(Problem problem) {
        super(FAILED, problem.oneLine());
        this.problem = problem;
    }

    int status() {
        return problem.status();
    }

    /** The answer to a changes request: the sync token is unknown or too old. */
    boolean resyncRequired() {
        return problem.code() != null ? RESYNC.contains(problem.code()) : problem.status() == 410;
    }

    /** The group is gone for me: deleted, or I left it (or never was a member). */
    boolean groupNotFound() {
        return problem.is("group-not-found", 404);
    }
}
