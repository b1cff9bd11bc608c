package org.kith.server.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;

import ezvcard.VCardVersion;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream. Writes are asynchronous and chained through a bounded queue: an idle
 * stream holds no thread, and a client that stops reading cannot hold up anyone else — once more
 * than {@link #MAX_QUEUED_BYTES} wait behind a write that does not finish, the stream is dropped
 * and the client resumes later with Last-Event-ID. Thread-safe; {@link #position} and
 * {@link #groups} are only touched on the stream's lane in {@link EventHub}.
 */
final class SseStream {
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

    final long account;
    final int lane;
    final VCardVersion version;
    private final Response response;
    private final Callback done;
    private final Runnable onClose;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean writing;
    private boolean closed;
    private boolean finished;
    private Throwable failure;
    /** The account's groups, to tell which notices may concern this stream. */
    volatile Set<Long> groups;
    /** The feed position up to which this stream has been sent everything. */
    volatile long position;

    SseStream(long account, int lane, VCardVersion version, Response response, Callback done, Set<Long> groups,
              long position, Runnable onClose) {
        this.account = account;
        this.lane = lane;
        this.version = version;
        this.response = response;
        this.done = done;
        this.groups = groups;
        this.position = position;
        this.onClose = onClose;
    }

    /** Queues text for the client and returns at once. */
    void send(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        boolean overflow = false;
        boolean start = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            // One large page may always go out alone; what piles up behind a stuck write may not.
            if (!queue.isEmpty() && queuedBytes + buffer.remaining() > MAX_QUEUED_BYTES) {
                overflow = true;
            } else {
                queue.add(buffer);
                queuedBytes += buffer.remaining();
                start = !writing;
                writing = true;
            }
        }
        if (overflow) {
            LOG.info("dropping an event stream of account {}: its client reads too slowly", account);
            end(new IllegalStateException("the client reads too slowly; dropping its event stream"));
        } else if (start) {
            writeNext();
        }
    }

    /** Writes everything queued as one buffer; the write's completion writes what queued meanwhile. */
    private void writeNext() {
        ByteBuffer next = null;
        boolean finish = false;
        synchronized (this) {
            if (closed || queue.isEmpty()) {
                writing = false;
                finish = closed && !finished;
                finished |= finish;
            } else if (queue.size() == 1) {
                next = queue.poll();
            } else {
                next = ByteBuffer.allocate((int) queuedBytes);
                while (!queue.isEmpty()) {
                    next.put(queue.poll());
                }
                next.flip();
            }
            queuedBytes = 0;
        }
        if (next != null) {
            response.write(false, next, Callback.from(this::writeNext, this::end));
        } else if (finish) {
            complete();
        }
    }

    /** Ends the stream normally (server shutdown); a write in flight finishes first. */
    void close() {
        end(null);
    }

    /**
     * Ends the stream: normally ({@code cause} null) or because the connection failed, the client
     * went away or could not keep up — then at once, aborting any write in flight.
     */
    void end(Throwable cause) {
        boolean finish;
        synchronized (this) {
            if (closed && (cause == null || finished)) {
                return;
            }
            closed = true;
            if (cause != null && failure == null) {
                failure = cause;
            }
            queue.clear();
            queuedBytes = 0;
            finish = !finished && (cause != null || !writing);
            finished |= finish;
        }
        onClose.run();
        if (finish) {
            complete();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void complete() {
        Throwable cause;
        synchronized (this) {
            cause = failure;
        }
        if (cause == null) {
            done.succeeded();
        } else {
            done.failed(cause);
        }
    }
}
