package org.kith.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kith watch DIR}: {@code sync DIR}, then keep DIR current until stopped. Ctrl-C or
 * SIGTERM lets the change being written finish (writes are atomic anyway) and exits with 0.
 */
@Command(name = "watch", description = {"Sync DIR, then keep it current until stopped.",
        "Changes are pushed as they happen; while the push stream is down, DIR is synced every --interval."})
final class WatchCommand implements Callable<Integer> {
    @ParentCommand KithCli root;
    @Parameters(paramLabel = "DIR") Path dir;
    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "15m", converter = Durations.Converter.class,
            description = "how often to sync while push is down, e.g. 30s, 15m, 1h (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Override
    public Integer call() {
        ApiClient api = root.api();
        Log log = new Log(root.io.out(), true);
        try (DirLock lock = DirLock.acquire(dir)) {
            SyncState state = SyncState.load(dir, SyncState.account(root.username(), api.server()));
            Watcher watcher = new Watcher(api, new GroupSyncer(api, dir, state, log, true), interval, log);
            log.line("watching " + dir.toAbsolutePath() + " for " + api.server() + "; polling every "
                    + Durations.format(interval) + " while push is down");
            runUntilStopped(watcher, log);
        }
        return 0;
    }

    /**
     * Runs the watcher on this thread. A shutdown hook (SIGINT, SIGTERM) interrupts it, waits for
     * it to finish the step at hand, and ends the process with status 0: stopping is the normal
     * way a watch ends, not a failure.
     */
    private static void runUntilStopped(Watcher watcher, Log log) {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // stop anyway
            }
            log.line("stopped");
            Runtime.getRuntime().halt(0);
        }, "kith-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            watcher.run();
        } catch (InterruptedException stopping) {
            // the hook interrupted us; it ends the process
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook); // a fatal error ends the watch: exit normally
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and will end the process
        }
    }
}
