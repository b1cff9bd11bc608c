package org.kith.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two kith processes (say a watch and a cron-run sync) from writing one folder at once: an
 * OS file lock on {@code DIR/.kith-lock}, released when closed or when the process dies.
 */
final class DirLock implements AutoCloseable {
    static final String FILE = ".kith-lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CliError.io("create", dir, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DirLock(channel, lock);
            }
        } catch (OverlappingFileLockException sameProcess) {
            // held by this very process: just as busy
        } catch (IOException e) {
            closeQuietly(channel);
            throw CliError.io("lock", file, e);
        }
        closeQuietly(channel);
        throw CliError.failed(dir + " is in use by another 'kith sync' or 'kith watch'");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
