package org.kith.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keeps a synced folder current until interrupted. Pushed changes ({@code GET /events}) are
 * applied as they arrive; while the stream is down the folder is synced every {@code interval}
 * and the stream is retried with a growing pause (capped at the interval). A reconnect sends
 * {@code Last-Event-ID} so the server replays what was missed, unless a poll ran meanwhile, in
 * which case the folder is already current and a fresh stream plus a sync is simpler.
 *
 * <p>Events and syncs are ordered by arrival numbers: an event that arrived before a sync began is
 * already in that sync's result and is skipped; one that arrived while the sync ran may or may not
 * be, so its group is synced again (a cheap "changes since"); later ones are applied directly.
 * Everything runs on the calling thread except the stream's reader. Not reusable.
 */
final class Watcher {
    /** The server pings every 15 s; three missed pings means the connection is dead. */
    static final Duration STALL = Duration.ofSeconds(45);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /**
     * The line printed each time the event stream is open and the folder has caught up with what
     * changed before it opened: from then on, every change reaches the folder as it is pushed.
     */
    static final String READY = "connected; waiting for changes";

    private final ApiClient api;
    private final GroupSyncer syncer;
    private final Duration interval;
    private final Log log;
    private final Duration stall;
    private final BlockingQueue<EventStream.Signal> queue = new LinkedBlockingQueue<>();
    private final AtomicLong arrivals = new AtomicLong();
    /** Per group: arrival numbers at the start and end of its latest sync. */
    private final Map<String, long[]> synced = new HashMap<>();
    private String lastEventId;
    private long upToDateAt = System.nanoTime();

    Watcher(ApiClient api, GroupSyncer syncer, Duration interval, Log log) {
        this(api, syncer, interval, log, STALL);
    }

    Watcher(ApiClient api, GroupSyncer syncer, Duration interval, Log log, Duration stall) {
        this.api = api;
        this.syncer = syncer;
        this.interval = interval;
        this.log = log;
        this.stall = stall;
    }

    /** Runs until the thread is interrupted; throws {@link ApiError} only when our credentials are refused. */
    void run() throws InterruptedException {
        poll();
        boolean replay = false;
        Duration pause = FIRST_RETRY;
        while (true) {
            EventStream stream = new EventStream(api, replay ? lastEventId : null, queue, arrivals);
            stream.start();
            // a fresh stream starts "now": sync once it is open to catch what changed before
            if (follow(stream, !replay)) {
                upToDateAt = System.nanoTime(); // connected means current until the moment it dropped
                pause = stream.retryMillis() != null ? Duration.ofMillis(stream.retryMillis()) : FIRST_RETRY;
                replay = lastEventId != null;
            }
            pause = min(pause, interval);
            log.line("retrying the event stream in " + Durations.format(pause) + "; polling every "
                    + Durations.format(interval) + " meanwhile");
            if (waitPolling(pause)) {
                replay = false; // the poll brought the folder up to date; replaying would only repeat it
            }
            pause = min(pause.multipliedBy(2), interval);
        }
    }

    /**
     * Handles one connection until it closes; returns whether it ever opened. {@code syncOnOpen}:
     * sync once the stream is open, to catch what changed before it opened.
     */
    private boolean follow(EventStream stream, boolean syncOnOpen) throws InterruptedException {
        boolean opened = false;
        boolean givenUp = false;
        while (true) {
            EventStream.Signal signal = queue.poll(1, TimeUnit.SECONDS);
            if (signal == null) {
                if (!givenUp && stream.idleNanos() > stall.toNanos()) {
                    givenUp = true;
                    log.line("no word from the server for " + Durations.format(stall) + "; reconnecting");
                    stream.close();
                }
                continue;
            }
            if (signal.stream() != stream) {
                continue; // a leftover of an earlier connection
            }
            if (signal instanceof EventStream.Opened) {
                opened = true;
                if (syncOnOpen) {
                    syncAll(false);
                }
                // printed once the folder has caught up: from here on every change is pushed (docs)
                log.line(READY);
            } else if (signal instanceof EventStream.Received r) {
                handle(r);
            } else if (signal instanceof EventStream.Closed c) {
                if (c.refusal() != null && fatal(c.refusal())) {
                    throw c.refusal();
                }
                log.line((opened ? "event stream closed: " : "push unavailable: ") + c.reason());
                return opened;
            }
        }
    }

    private void handle(EventStream.Received r) throws InterruptedException {
        if (r.event().lastEventId() != null) {
            lastEventId = r.event().lastEventId();
        }
        switch (r.event().type()) {
            case "card" -> card(r);
            case "group" -> syncAll(false);
            case "resync" -> {
                log.line("the server asks for a full resync");
                syncAll(true);
            }
            default -> {
                // event types this version does not know are for newer clients
            }
        }
    }

    private void card(EventStream.Received r) throws InterruptedException {
        JsonNode data;
        try {
            data = Json.MAPPER.readTree(r.event().data());
        } catch (IOException e) {
            log.line("ignored a card event that is not JSON");
            return;
        }
        String group = Json.text(data, "group");
        long[] marks = group == null ? null : synced.get(group);
        if (marks != null && r.seq() <= marks[0]) {
            return; // the sync that began after it arrived already fetched it
        }
        if (marks != null && r.seq() <= marks[1]) {
            syncGroup(group);
            return;
        }
        guarded(() -> {
            if (!syncer.apply(data)) {
                syncAll(false); // a group we do not hold yet, or an op we do not know
            }
        });
    }

    /** Syncs every group; false when the server could not be reached or refused. */
    private boolean poll() throws InterruptedException {
        return syncAll(false);
    }

    private boolean syncAll(boolean full) throws InterruptedException {
        long start = arrivals.get();
        boolean ok = guarded(() -> syncer.syncAll(full));
        if (ok) {
            long end = arrivals.get();
            for (String g : syncer.state().groups()) {
                synced.put(g, new long[] {start, end});
            }
        }
        return ok;
    }

    private void syncGroup(String group) throws InterruptedException {
        long start = arrivals.get();
        if (guarded(() -> syncer.syncGroup(group, false))) {
            synced.put(group, new long[] {start, arrivals.get()});
        }
    }

    /**
     * Waits {@code pause}, syncing whenever {@code interval} has passed since the folder was last
     * known current. Returns whether a sync succeeded.
     */
    private boolean waitPolling(Duration pause) throws InterruptedException {
        long deadline = System.nanoTime() + pause.toNanos();
        boolean polled = false;
        while (true) {
            long now = System.nanoTime();
            if (now - upToDateAt >= interval.toNanos()) {
                polled |= poll();
                upToDateAt = System.nanoTime(); // a failed poll waits a whole interval too
                now = upToDateAt;
            }
            long left = Math.min(deadline - now, upToDateAt + interval.toNanos() - now);
            if (deadline - now <= 0) {
                return polled;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(1, left));
        }
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    /**
     * Runs a step that talks to the server or writes files. Refused credentials end the watch;
     * anything else is logged and left to the next event, poll or reconnect.
     */
    private boolean guarded(Step step) throws InterruptedException {
        try {
            step.run();
            return true;
        } catch (ApiError e) {
            if (fatal(e)) {
                throw e;
            }
            stopIfInterrupted();
            log.line("sync failed: " + e.getMessage());
        } catch (CliError e) {
            stopIfInterrupted();
            log.line("sync failed: " + e.getMessage());
        }
        return false;
    }

    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private static boolean fatal(ApiError e) {
        return e.status() == 401 || e.status() == 403;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
