package org.kith.server.webpush;

import java.security.KeyPair;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one-use ECDH key pairs of RFC 8291, made ahead of need: a background thread keeps up to
 * {@link #want} pairs ready (as many as there are registrations, at most {@link #MAX}), so a burst
 * of pushes does only the key agreement per message. It makes them while no pushes are being
 * encrypted (a second after the last one), never competing with a burst. Each pair is handed out
 * once. Thread-safe.
 */
final class EphemeralKeys implements AutoCloseable {
    static final int MAX = 20_000;
    private static final long QUIET_MS = 1_000;

    private final ConcurrentLinkedQueue<KeyPair> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Object signal = new Object();
    private final Thread maker;
    private volatile int target;
    private volatile long lastTake;
    private volatile boolean running = true;

    EphemeralKeys() {
        maker = new Thread(this::make, "kith-webpush-keys");
        maker.setDaemon(true);
        maker.setPriority(Thread.MIN_PRIORITY);
        maker.start();
    }

    /** How many pairs to keep ready. */
    void want(int count) {
        target = Math.max(0, Math.min(MAX, count));
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** How many pairs are ready now. */
    int ready() {
        return size.get();
    }

    /** A pair never handed out before: a ready one, else a new one. */
    KeyPair take() {
        lastTake = System.currentTimeMillis();
        KeyPair k = ready.poll();
        if (k == null) {
            return P256.generate();
        }
        if (size.decrementAndGet() < target / 2) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
        return k;
    }

    private void make() {
        while (running) {
            long quiet = lastTake + QUIET_MS - System.currentTimeMillis();
            if (quiet > 0 && size.get() < target) {
                try {
                    Thread.sleep(quiet); // a burst is being sent: do not take its CPU
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            if (size.get() < target) {
                ready.add(P256.generate());
                size.incrementAndGet();
                continue;
            }
            synchronized (signal) {
                try {
                    signal.wait(60_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        maker.interrupt();
    }
}
