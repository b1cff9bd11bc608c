package org.kith.server.push;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ezvcard.VCardVersion;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kith.core.Kith;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.feed.FeedEvent;
import org.kith.core.view.FeedPage;
import org.kith.server.http.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each viewer's visible changes to their open event streams. Told of every committed
 * change (locally, or by other nodes through the store's change signal), it re-reads the feed of
 * each stream the change may concern from that stream's position — the same read polling uses,
 * so push and poll agree and the privacy policy decides what is sent. The committing thread only
 * hands the notice over; reading and formatting run on a few lanes, each stream always on the
 * same lane so its events stay in order; writing is asynchronous per stream. Thread-safe.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int PAGE = 500;

    private final Kith kith;
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private final ExecutorService[] lanes;
    private final AtomicInteger opened = new AtomicInteger();
    private final SseFormat format = new SseFormat();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kith-ping"));

    /** @param pingInterval how often each stream gets a {@code : ping} comment, keeping proxies from timing it out */
    public EventHub(Kith kith, Duration pingInterval) {
        this.kith = kith;
        this.lanes = new ExecutorService[Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()))];
        for (int i = 0; i < lanes.length; i++) {
            String name = "kith-push-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> daemon(r, name));
        }
        kith.addListener(this::committed);
        long ms = pingInterval.toMillis();
        pinger.scheduleAtFixedRate(() -> streams.forEach(s -> s.send(": ping\n\n")), ms, ms, TimeUnit.MILLISECONDS);
    }

    public EventHub(Kith kith) {
        this(kith, Duration.ofSeconds(15));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** How many event streams are open now. */
    public int openStreams() {
        return streams.size();
    }

    /** How many event streams {@code account} has open now (its connected devices and tabs). */
    public int openStreams(long account) {
        return (int) streams.stream().filter(s -> s.account == account).count();
    }

    /**
     * Answers the request as {@code account}'s event stream, resuming after its Last-Event-ID;
     * the stream owns the response from then on. The one way every surface opens a stream.
     */
    public void open(Exchange ex, long account, VCardVersion version) {
        Long after = ex.lastEventId();
        ex.eventStream((request, response, callback) -> open(account, after, version, request, response, callback));
    }

    /**
     * Takes over a response whose status and headers are set, as {@code account}'s event stream.
     * @param after the position to replay after (Last-Event-ID), or null to start from now
     */
    public void open(long account, Long after, VCardVersion version, Request request, Response response,
                     Callback callback) {
        long start = after != null ? after : kith.phonebooks().position();
        int lane = Math.floorMod(opened.getAndIncrement(), lanes.length);
        SseStream[] self = new SseStream[1];
        SseStream stream = new SseStream(account, lane, version, response, callback,
                kith.phonebooks().groupIds(account), start, () -> streams.remove(self[0]));
        self[0] = stream;
        streams.add(stream);
        // A client that goes away fails the request; the stream must not wait for the next ping to notice.
        request.addFailureListener(stream::end);
        stream.send("retry: 3000\n: connected\n\n");
        // Catch up: the replay, and anything committed between reading the start and joining the set.
        run(stream, () -> deliver(stream, kith.phonebooks().position()));
    }

    private void committed(ChangeNotice notice) {
        for (ExecutorService lane : lanes) {
            execute(lane, () -> {
                for (SseStream stream : streams) {
                    if (lanes[stream.lane] == lane && stream.position < notice.seq()
                            && notice.mayConcern(stream.account, stream.groups)) {
                        deliver(stream, notice.seq());
                    }
                }
            });
        }
    }

    private void run(SseStream stream, Runnable task) {
        execute(lanes[stream.lane], task);
    }

    private static void execute(ExecutorService lane, Runnable task) {
        try {
            lane.execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Sends the stream's events up to at least {@code target}. Runs on the stream's lane only. */
    private void deliver(SseStream stream, long target) {
        try {
            String region = null;
            while (!stream.isClosed()) {
                long from = stream.position;
                FeedPage page = kith.phonebooks().events(stream.account, from, PAGE);
                if (!page.events().isEmpty()) {
                    if (region == null) {
                        region = kith.accounts().account(stream.account).region();
                    }
                    stream.send(format.page(page.events(), stream.version, region));
                    if (page.events().stream().anyMatch(e -> !(e instanceof FeedEvent.CardChanged))) {
                        stream.groups = kith.phonebooks().groupIds(stream.account);
                    }
                }
                stream.position = page.position();
                if (page.position() >= target || page.position() <= from) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("delivering events to account {} failed; closing its stream", stream.account, e);
            stream.end(e);
        }
    }

    /** Ends every stream (their clients reconnect elsewhere or later) and stops the lanes. */
    @Override
    public void close() {
        pinger.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
        streams.forEach(SseStream::close);
    }
}
