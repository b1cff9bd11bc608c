package org.kith.server.webpush;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.kith.core.Kith;
import org.kith.core.push.PushRegistration;
import org.kith.core.push.PushStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebDAV-Push over Web Push: what the CardDAV, REST and web surfaces use. Phones register a
 * Web Push subscription per book; after each local commit the {@link PushPlanner} pushes every
 * registration whose viewer's position in its book moved, through the {@link WebPushSender}.
 *
 * <p>Several nodes on one database: each node plans only its own commits (so a write's
 * {@code Push-Dont-Notify} is known where it is planned), and a push is claimed in the database
 * before it is sent, so no two nodes send the same position to a registration. A node that dies
 * between commit and send loses those pushes; the phones catch up at their next poll.
 * Thread-safe.
 */
public final class WebPush implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebPush.class);
    /** DAVx5 asks for 3 days and renews daily; never give less. */
    public static final Duration MIN_LIFETIME = Duration.ofDays(3);
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);
    public static final int MAX_PER_ACCOUNT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param subject    the VAPID {@code sub}: a {@code mailto:} or {@code https:} contact
     * @param allowHosts the SSRF allowlist ({@link PushGuard#of})
     * @param ttlSeconds how long a push service keeps an undelivered message
     * @param queue      how many messages may wait to be sent
     */
    public record Settings(String subject, String allowHosts, int ttlSeconds, int queue) {}

    private final PushStore store;
    private final PushBooks books;
    private final Clock clock;
    private final PushGuard guard;
    private final Vapid vapid;
    private final Topics topics;
    private final WebPushSender sender;
    private final PushPlanner planner;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kith-webpush-sweep");
        t.setDaemon(true);
        return t;
    });

    private WebPush(Kith kith, PushStore store, PushBooks books, Settings settings, Clock clock) {
        this.store = store;
        this.books = books;
        this.clock = clock;
        this.guard = PushGuard.of(settings.allowHosts());
        var keys = store.vapidKeys(Vapid::generate);
        this.vapid = new Vapid(keys, settings.subject());
        this.topics = new Topics(P256.unb64(keys.topicSecret()));
        this.sender = new WebPushSender(store, vapid, guard, clock, settings.queue(), settings.ttlSeconds());
        this.planner = new PushPlanner(store, books, topics, sender, clock);
        sender.expect(store.count(clock.instant()));
        kith.addLocalListener(planner::committed);
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 10, TimeUnit.MINUTES);
    }

    /** Loads (or creates, once per database) the VAPID keys and starts planning and sending. */
    public static WebPush start(Kith kith, PushStore store, PushBooks books, Settings settings, Clock clock) {
        return new WebPush(kith, store, books, settings, clock);
    }

    private void sweep() {
        try {
            int n = store.deleteExpired(clock.instant());
            if (n > 0) {
                LOG.info("removed {} expired push registrations", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("removing expired push registrations failed", e);
        }
    }

    /** The VAPID public key, base64url: {@code vapid-public-key type="p256ecdsa"}. */
    public String vapidPublicKey() {
        return vapid.publicKey();
    }

    /** The push topic of a viewer's book. */
    public String topic(long viewer, String book) {
        return topics.topic(viewer, book);
    }

    /**
     * Registers a phone's subscription for a book it may see, or renews the one it has for the
     * same push resource (new keys and expiry, same registration URL).
     * @param requestedExpiry what the phone asked for, or null; the answer is between
     *                        {@link #MIN_LIFETIME} and {@link #MAX_LIFETIME} from now
     * @throws InvalidSubscription for a push resource Kith does not send to, bad keys, or too many registrations
     */
    public PushRegistration register(long viewer, String book, String pushResource, String p256dh, String auth,
                                     Instant requestedExpiry) {
        String resource = guard.check(pushResource).toString();
        checkKeys(p256dh, auth);
        Instant now = clock.instant();
        Instant expires = requestedExpiry == null ? now.plus(MAX_LIFETIME) : requestedExpiry;
        if (expires.isBefore(now.plus(MIN_LIFETIME))) {
            expires = now.plus(MIN_LIFETIME);
        } else if (expires.isAfter(now.plus(MAX_LIFETIME))) {
            expires = now.plus(MAX_LIFETIME);
        }
        List<PushRegistration> existing = store.list(viewer);
        boolean renewal = existing.stream().anyMatch(r -> r.book().equals(book) && r.pushResource().equals(resource));
        if (!renewal && existing.size() >= MAX_PER_ACCOUNT) {
            throw new InvalidSubscription("an account may register at most " + MAX_PER_ACCOUNT
                    + " push subscriptions; remove unused devices first");
        }
        long seen = books.position(viewer, book).orElse(0);
        return store.register(new PushStore.Subscription(viewer, book, resource, p256dh.strip(), auth.strip(),
                expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), seen), newPublicId(), now);
    }

    /** One phone's subscription for {@link #registerAll}. */
    public record NewRegistration(long viewer, String book, String pushResource, String p256dh, String auth) {}

    /**
     * Registers many new subscriptions at once, each checked as {@link #register} checks it, in
     * one transaction, expiring after {@link #MAX_LIFETIME} (a bulk import; the benchmark).
     * @throws InvalidSubscription for the first one that is refused; then none is stored
     */
    public void registerAll(List<NewRegistration> all) {
        Instant now = clock.instant();
        List<PushStore.Subscription> subs = new java.util.ArrayList<>(all.size());
        List<String> ids = new java.util.ArrayList<>(all.size());
        for (NewRegistration r : all) {
            String resource = guard.check(r.pushResource()).toString();
            checkKeys(r.p256dh(), r.auth());
            subs.add(new PushStore.Subscription(r.viewer(), r.book(), resource, r.p256dh(), r.auth(),
                    now.plus(MAX_LIFETIME), books.position(r.viewer(), r.book()).orElse(0)));
            ids.add(newPublicId());
        }
        store.registerAll(subs, ids, now);
        sender.expect(store.count(now));
    }

    private static void checkKeys(String p256dh, String auth) {
        try {
            P256.decode(P256.unb64(p256dh == null ? "" : p256dh));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscription("the subscription-public-key is not a P-256 public key: " + e.getMessage());
        }
        byte[] secret;
        try {
            secret = P256.unb64(auth == null ? "" : auth);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscription("the auth-secret is not base64url");
        }
        if (secret.length != 16) {
            throw new InvalidSubscription("the auth-secret must be 16 bytes, not " + secret.length);
        }
    }

    private static String newPublicId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return P256.b64(b);
    }

    /** The viewer's registrations, newest first. */
    public List<PushRegistration> registrations(long viewer) {
        store.deleteExpired(clock.instant()); // an expired registration is gone, not merely listed as old
        return store.list(viewer);
    }

    public Optional<PushRegistration> registration(long viewer, String publicId) {
        return store.find(viewer, publicId);
    }

    /** The name of a registration's book as the viewer sees it. */
    public String bookName(long viewer, String book) {
        return books.displayName(viewer, book);
    }

    /** Removes the viewer's registration; false for an unknown one or another account's. */
    public boolean unregister(long viewer, String publicId) {
        return store.delete(viewer, publicId);
    }

    /**
     * Runs a write whose changes are not pushed to some of the viewer's registrations
     * ({@code Push-Dont-Notify}). Ids of other accounts' registrations are ignored.
     * @param all true for {@code *}: none of the viewer's registrations
     */
    public <T> T withoutNotifying(long viewer, Set<String> publicIds, boolean all, Supplier<T> write) {
        Set<Long> ids = new HashSet<>();
        for (PushRegistration r : store.list(viewer)) {
            if (all || publicIds.contains(r.publicId())) {
                ids.add(r.id());
            }
        }
        return planner.suppressing(viewer, ids, write);
    }

    /** One-use key pairs made ahead and not yet used (for benchmarks). */
    public int readyKeys() {
        return sender.readyKeys();
    }

    /** Messages push services accepted since start (for benchmarks and tests). */
    public long accepted() {
        return sender.accepted();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        planner.close();
        sender.close();
    }
}
