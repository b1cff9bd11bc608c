package org.kith.cli;

/** The server answered with an error status; the message is the problem in one line. */
final class ApiError extends CliError {
    final Problem problem;

    ApiError(Problem problem) {
        super(FAILED, problem.oneLine());
        this.problem = problem;
    }

    int status() {
        return problem.status();
    }

    /** 410 on a changes request: the sync token is unknown or too old. */
    boolean resyncRequired() {
        return problem.status() == 410;
    }
}
