package org.kith.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection to {@code GET /events}, read on its own daemon thread. What happens on it is
 * posted to a queue as {@link Signal}s (opened, each event, closed) for the watcher's single
 * worker thread, so only that thread ever writes the folder. Every event gets a number from a
 * shared counter in arrival order; the watcher compares those numbers with its syncs.
 */
final class EventStream {
    /** Something that happened on a stream; {@code stream} tells old connections' leftovers apart. */
    sealed interface Signal permits Opened, Received, Closed {
        EventStream stream();
    }

    record Opened(EventStream stream) implements Signal {}

    record Received(EventStream stream, SseReader.Event event, long seq) implements Signal {}

    /** {@code refusal} is set when the server answered with an error status instead of a stream. */
    record Closed(EventStream stream, String reason, ApiError refusal) implements Signal {}

    private final ApiClient api;
    private final String lastEventId;
    private final BlockingQueue<Signal> queue;
    private final AtomicLong arrivals;
    private volatile long lastActivity = System.nanoTime();
    private volatile Long retryMillis;
    private volatile boolean closing;
    private volatile InputStream body;
    private Thread thread;

    EventStream(ApiClient api, String lastEventId, BlockingQueue<Signal> queue, AtomicLong arrivals) {
        this.api = api;
        this.lastEventId = lastEventId;
        this.queue = queue;
        this.arrivals = arrivals;
    }

    void start() {
        thread = new Thread(this::read, "kith-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Nanoseconds since bytes last arrived (or since the connection attempt began). */
    long idleNanos() {
        return System.nanoTime() - lastActivity;
    }

    /** The server's {@code retry:} advice, if any. */
    Long retryMillis() {
        return retryMillis;
    }

    /** Drops the connection; the reading thread then posts {@link Closed}. */
    void close() {
        closing = true;
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
        if (thread != null) {
            thread.interrupt(); // a read blocked inside the HTTP client wakes up on interrupt
        }
    }

    private void read() {
        String reason;
        ApiError refusal = null;
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "text/event-stream");
            headers.put("Cache-Control", "no-cache");
            if (lastEventId != null) {
                headers.put("Last-Event-ID", lastEventId);
            }
            body = api.openStream("/events", headers);
            lastActivity = System.nanoTime();
            post(new Opened(this));
            SseReader reader = new SseReader(lastEventId, e -> post(new Received(this, e, arrivals.incrementAndGet())));
            try (InputStream in = new Activity(body)) {
                reader.readAll(new InputStreamReader(in, StandardCharsets.UTF_8));
            } finally {
                retryMillis = reader.retryMillis();
            }
            reason = "the server ended the event stream";
        } catch (ApiError e) {
            reason = e.getMessage();
            refusal = e;
        } catch (CliError e) {
            reason = e.getMessage();
        } catch (IOException e) {
            reason = closing ? "closed by kith" : "the event stream broke (" + ApiClient.reason(e) + ")";
        } catch (RuntimeException e) {
            reason = "the event stream failed (" + ApiClient.reason(e) + ")";
        }
        post(new Closed(this, closing ? "closed by kith" : reason, refusal));
    }

    private void post(Signal s) {
        // the queue is unbounded, so this never waits; an interrupt here only means we are closing
        queue.add(s);
    }

    /** Notes the time whenever bytes arrive, comments (": ping") included. */
    private final class Activity extends FilterInputStream {
        Activity(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            lastActivity = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            lastActivity = System.nanoTime();
            return n;
        }
    }
}
