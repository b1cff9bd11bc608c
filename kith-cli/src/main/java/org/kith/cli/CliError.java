package org.kith.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An expected failure: reported to the user as one line on stderr ("kith: …") with the exit code
 * it deserves, never as a stack trace.
 */
class CliError extends RuntimeException {
    /** The server refused, or a local file could not be read or written. */
    static final int FAILED = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;
    /** The server could not be reached at all. */
    static final int UNREACHABLE = 3;

    final int exitCode;

    CliError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliError usage(String message) {
        return new CliError(USAGE, message);
    }

    static CliError failed(String message) {
        return new CliError(FAILED, message);
    }

    /** A local file operation failed: "cannot write /x/y.vcf: permission denied". */
    static CliError io(String action, Path path, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new CliError(FAILED, "cannot " + action + " " + path + ": " + reason);
    }

    static CliError unreachable(String server, String reason) {
        return new CliError(UNREACHABLE, "cannot reach server at " + server + (reason == null ? "" : " (" + reason + ")"));
    }
}
