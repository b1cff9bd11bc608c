package org.kith.server.webpush;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.kith.core.push.PushStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers push messages to push services (RFC 8030), asynchronously and in bounded memory.
 * Messages wait in a bounded queue, at most one per registration: a newer message for a
 * registration replaces the waiting one (its sync token covers the older). Each is encrypted
 * ({@link Aes128gcm}), signed for ({@link Vapid}) and POSTed with {@code TTL}, {@code Urgency}
 * and {@code Topic}; redirects are never followed, and the connection goes only where
 * {@link PushGuard} allows. 429 and 5xx are retried with exponential backoff (or the service's
 * {@code Retry-After}); 404 and 410 remove the registration, as does its expiry. Outcomes are
 * recorded in batches. Thread-safe.
 */
final class WebPushSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebPushSender.class);
    static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int IN_FLIGHT = 256;
    /** A registration gets at most one push a second; what changes meanwhile goes out as one message. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final PushStore store;
    private final EphemeralKeys keys = new EphemeralKeys();
    private final Vapid vapid;
    private final Clock clock;
    private final int ttlSeconds;
    private final HttpClient http;
    private final BlockingQueue<Long> order;
    private final Map<Long, Delivery> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final ConcurrentLinkedQueue<PushStore.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kith-webpush-timer"));
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private volatile int expected;

    WebPushSender(PushStore store, Vapid vapid, PushGuard guard, Clock clock, int capacity, int ttlSeconds) {
        this.store = store;
        this.vapid = vapid;
        this.clock = clock;
        this.ttlSeconds = ttlSeconds;
        this.order = new ArrayBlockingQueue<>(capacity);
        this.http = new HttpClient();
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("kith-webpush-http");
        pool.setDaemon(true);
        http.setExecutor(pool);
        http.setFollowRedirects(false);
        http.setSocketAddressResolver(guard);
        http.setConnectTimeout(10_000);
        http.setIdleTimeout(60_000);
        http.setMaxConnectionsPerDestination(64);
        http.setMaxRequestsQueuedPerDestination(IN_FLIGHT * 2);
        http.setUserAgentField(new org.eclipse.jetty.http.HttpField("User-Agent", "Kith"));
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Web Push client: " + e.getMessage(), e);
        }
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < n; i++) {
            Thread t = daemon(this::work, "kith-webpush-" + i);
            workers.add(t);
            t.start();
        }
        timer.scheduleWithFixedDelay(this::flushOutcomes, 250, 250, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Queues a message; one already waiting for the same registration is replaced.
     * @return false when the queue is full (the message is dropped; the phone syncs at its next poll)
     */
    boolean offer(Delivery d) {
        long id = d.registration().id();
        if (waiting.put(id, d) == null && !order.offer(id)) {
            waiting.remove(id, d);
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** A retry goes back only if no newer message for the registration is waiting. */
    private void retry(Delivery d) {
        long id = d.registration().id();
        if (waiting.putIfAbsent(id, d) == null && !order.offer(id)) {
            waiting.remove(id, d);
            dropped.incrementAndGet();
        }
    }

    private void requeue(long id) {
        if (waiting.containsKey(id) && !order.offer(id)) {
            waiting.remove(id);
            dropped.incrementAndGet();
        }
    }

    /** Keeps about this many one-use key pairs ready (the number of registrations). */
    void expect(int registrations) {
        if (registrations > expected) {
            expected = registrations;
            keys.want(registrations);
        }
    }

    int readyKeys() {
        return keys.ready();
    }

    /** Messages the push services accepted so far. */
    long accepted() {
        return accepted.get();
    }

    /** Messages dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Messages queued and not yet handed to a push service. */
    int waiting() {
        return waiting.size();
    }

    private void work() {
        while (running) {
            Delivery d;
            try {
                Long id = order.take();
                Long last = lastSent.get(id);
                long wait = last == null ? 0 : last + MIN_INTERVAL.toMillis() - System.currentTimeMillis();
                if (wait > 0) { // keep it waiting, so what comes meanwhile replaces it, and look again then
                    timer.schedule(() -> requeue(id), wait, TimeUnit.MILLISECONDS);
                    continue;
                }
                d = waiting.remove(id);
                if (d == null) {
                    continue;
                }
                lastSent.put(id, System.currentTimeMillis());
                inFlight.acquire();
            } catch (InterruptedException | RejectedExecutionException e) {
                return;
            }
            try {
                send(d);
            } catch (RuntimeException e) {
                inFlight.release();
                LOG.warn("push to registration {} failed before sending", d.registration().id(), e);
                outcomes.add(new PushStore.Outcome(d.registration().id(), clock.instant(), "not sent: " + e.getMessage()));
            }
        }
    }

    private void send(Delivery d) {
        Instant now = clock.instant();
        if (d.registration().expiresAt().isBefore(now)) {
            inFlight.release();
            gone(d, "expired");
            return;
        }
        URI endpoint = URI.create(d.registration().pushResource());
        byte[] body = Aes128gcm.encrypt(d.plaintext(), P256.decode(P256.unb64(d.registration().p256dh())),
                P256.unb64(d.registration().auth()), keys.take());
        http.newRequest(endpoint)
                .method(HttpMethod.POST)
                .headers(h -> h
                        .put("TTL", Integer.toString(ttlSeconds))
                        .put("Urgency", "normal")
                        .put("Topic", d.topic())
                        .put("Content-Encoding", "aes128gcm")
                        // the push service judges exp by its own clock: the real time, whatever the services' clock says
                        .put("Authorization", vapid.authorization(endpoint, Instant.now())))
                .body(new BytesRequestContent("application/octet-stream", body))
                .timeout(30, TimeUnit.SECONDS)
                .send(result -> {
                    inFlight.release();
                    done(d, result);
                });
    }

    private void done(Delivery d, Result result) {
        long id = d.registration().id();
        Instant now = clock.instant();
        int status = result.getResponse() == null ? 0 : result.getResponse().getStatus();
        if (status > 0) { // an answer, even if the service stopped reading our body to give it
            if (status >= 200 && status < 300) {
                accepted.incrementAndGet();
                outcomes.add(new PushStore.Outcome(id, now, null));
                return;
            }
            if (status == 404 || status == 410) {
                gone(d, "the push service answered " + status);
                return;
            }
            String error = "the push service answered " + status;
            if (status == 429 || status >= 500) {
                Long after = retryAfter(result.getResponse().getHeaders().get("Retry-After"));
                later(d, error, after);
            } else {
                outcomes.add(new PushStore.Outcome(id, now, error)); // 400, 401, 403, 413: retrying would not help
            }
            return;
        }
        Throwable failure = result.getFailure();
        later(d, "could not reach the push service: " + (failure == null ? "unknown error" : failure.getMessage()), null);
    }

    private void later(Delivery d, String error, Long retryAfterSeconds) {
        outcomes.add(new PushStore.Outcome(d.registration().id(), clock.instant(), error));
        if (d.attempt() + 1 >= MAX_ATTEMPTS || !running) {
            return;
        }
        long backoff = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << d.attempt());
        long delay = retryAfterSeconds == null ? backoff : Math.min(MAX_BACKOFF.toMillis(), retryAfterSeconds * 1000);
        try {
            timer.schedule(() -> retry(d.retry()), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private static Long retryAfter(String header) {
        if (header == null || !header.strip().matches("[0-9]{1,6}")) {
            return null; // an HTTP date or nothing: use our own backoff
        }
        return Long.parseLong(header.strip());
    }

    private void gone(Delivery d, String why) {
        long id = d.registration().id();
        lastSent.remove(id);
        LOG.info("removing push registration {}: {}", id, why);
        try {
            timer.execute(() -> {
                try {
                    store.deleteById(id);
                } catch (RuntimeException e) {
                    LOG.warn("removing push registration {} failed", id, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void flushOutcomes() {
        List<PushStore.Outcome> batch = new ArrayList<>();
        for (PushStore.Outcome o; (o = outcomes.poll()) != null && batch.size() < 5_000; ) {
            batch.add(o);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.recordOutcomes(batch);
        } catch (RuntimeException e) {
            LOG.warn("recording {} push outcomes failed", batch.size(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        keys.close();
        workers.forEach(Thread::interrupt);
        timer.shutdown();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        flushOutcomes();
        try {
            http.stop();
        } catch (Exception e) {
            LOG.debug("stopping the Web Push client", e);
        }
    }
}
