package org.kith.cli;

/** A failure to report to the user in one line, with the exit code it deserves. */
class CliError extends RuntimeException {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    final int exitCode;

    CliError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }
}
