package org.kith.server.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open event stream. Writes are asynchronous and chained through a bounded queue, so an idle
 * stream holds no thread and a slow client cannot hold up anyone else: if its queue overflows,
 * the stream is closed and the client resumes later with Last-Event-ID. Thread-safe.
 */
final class SseStream {
    private static final int MAX_QUEUED = 1000;

    final long account;
    private final Response response;
    private final Callback done;
    private final Runnable onClose;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;
    volatile Set<Long> groups;
    /** The feed position up to which this stream has delivered; guarded by delivery ordering in EventHub. */
    long position;

    SseStream(long account, Response response, Callback done, Set<Long> groups, long position, Runnable onClose) {
        this.account = account;
        this.response = response;
        this.done = done;
        this.groups = groups;
        this.position = position;
        this.onClose = onClose;
    }

    void send(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                closeLocked(null);
                return;
            }
            queue.add(buffer);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    private void writeNext() {
        ByteBuffer next;
        synchronized (this) {
            next = queue.poll();
            if (next == null || closed) {
                writing = false;
                return;
            }
        }
        response.write(false, next, Callback.from(this::writeNext, this::failed));
    }

    private void failed(Throwable cause) {
        synchronized (this) {
            closeLocked(cause);
        }
    }

    void close() {
        synchronized (this) {
            closeLocked(null);
        }
    }

    boolean isClosed() {
        synchronized (this) {
            return closed;
        }
    }

    private void closeLocked(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        onClose.run();
        if (cause == null) {
            done.succeeded();
        } else {
            done.failed(cause);
        }
    }
}
