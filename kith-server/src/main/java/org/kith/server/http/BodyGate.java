package org.kith.server.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the server's threads against slow request bodies: a body is read blocking, so a client
 * trickling one byte at a time would hold a thread for as long as it likes. Every body read
 * needs one of {@code maxReaders} permits (none left: 503 at once, nothing read) and must
 * arrive by a deadline of {@code grace} plus its declared length at {@code minBytesPerSecond}
 * (a body without a declared length is given the time of 1 MiB); a late one is cut off with
 * 408 and the connection closed. Requests without a body pass freely. Thread-safe.
 */
public final class BodyGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BodyGate.class);
    private static final long UNDECLARED_LENGTH = 1024 * 1024;

    private final Semaphore permits;
    private final int maxReaders;
    private final long minBytesPerSecond;
    private final Duration grace;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kith-body-deadlines");
        t.setDaemon(true);
        return t;
    });

    public BodyGate(int maxReaders, long minBytesPerSecond, Duration grace) {
        this.maxReaders = maxReaders;
        this.permits = new Semaphore(maxReaders);
        this.minBytesPerSecond = minBytesPerSecond;
        this.grace = grace;
    }

    /** The defaults of the server's options. */
    public static BodyGate defaults() {
        return new BodyGate(64, 4096, Duration.ofSeconds(10));
    }

    /**
     * Runs {@code reader} on the request's body within the limits.
     * @throws HttpError 503 when too many bodies are being received, 408 when this one is late
     * @throws IOException from the reader for any other failure
     */
    <T> T read(Request request, Exchange.BodyReader<T> reader) throws IOException {
        if (request.getLength() == 0) {
            return reader.read(request);
        }
        if (!permits.tryAcquire()) {
            LOG.warn("{} {} from {}: {} request bodies are already being received; refused", request.getMethod(),
                    request.getHttpURI().getPath(), Request.getRemoteAddr(request), maxReaders);
            throw new HttpError(503, "busy", "the server is receiving too many request bodies; try again shortly");
        }
        long length = request.getLength() < 0 ? UNDECLARED_LENGTH : request.getLength();
        long deadlineMs = grace.toMillis() + length * 1000 / minBytesPerSecond;
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> cutOff = timer.schedule(() -> {
            late.set(true);
            request.fail(new TimeoutException("the request body did not arrive in time"));
        }, deadlineMs, TimeUnit.MILLISECONDS);
        try {
            return reader.read(request);
        } catch (IOException | RuntimeException e) {
            if (late.get()) {
                LOG.warn("{} {} from {}: the body did not arrive within {} ms; cut off", request.getMethod(),
                        request.getHttpURI().getPath(), Request.getRemoteAddr(request), deadlineMs);
                throw new HttpError(408, "body-too-slow", "the request body did not arrive within "
                        + (deadlineMs + 999) / 1000 + " s");
            }
            throw e;
        } finally {
            cutOff.cancel(false);
            permits.release();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
