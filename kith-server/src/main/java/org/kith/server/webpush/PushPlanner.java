package org.kith.server.webpush;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

import org.kith.core.feed.ChangeNotice;
import org.kith.core.push.PushRegistration;
import org.kith.core.push.PushStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which registrations get a push after this node's commits. Told of each local commit
 * (on the writer's thread; it only queues the notice), it takes every notice waiting at once,
 * loads the registrations those notices may concern, reads each one's position in its book
 * through {@link PushBooks} — so through the privacy policy — and claims a push for every
 * registration whose position moved ({@link PushStore#claim}). Only claimed registrations are
 * handed to the sender, so each position is pushed once however many nodes plan.
 *
 * <p>{@code Push-Dont-Notify}: a write made inside {@link #suppressing} tags its notices with the
 * registrations not to tell. Such a registration is claimed silently when its new position is
 * exactly that write's, and no other change in the same plan may concern it; while the write
 * runs, other plans leave the registration alone and remember whether they owe it a push.
 * Thread-safe.
 */
final class PushPlanner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushPlanner.class);
    private static final int CHUNK = 250;
    private static final int MAX_JOBS = 10_000;

    /** A notice and the registrations (with the write's position) not to tell about it. */
    private record Job(ChangeNotice notice, Map<Long, Long> suppressed) {}

    private static final class Suppression {
        final Set<Long> ids;
        boolean consumed;

        Suppression(Set<Long> ids) {
            this.ids = ids;
        }
    }

    private final PushStore store;
    private final PushBooks books;
    private final Topics topics;
    private final WebPushSender sender;
    private final Clock clock;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>(MAX_JOBS);
    private final ThreadLocal<Suppression> suppression = new ThreadLocal<>();
    private final Map<Long, Integer> writing = new ConcurrentHashMap<>();
    private final Set<Long> owed = ConcurrentHashMap.newKeySet();
    private final ExecutorService lanes;
    private final Thread planner;
    private volatile boolean overflow;
    private volatile boolean running = true;

    PushPlanner(PushStore store, PushBooks books, Topics topics, WebPushSender sender, Clock clock) {
        this.store = store;
        this.books = books;
        this.topics = topics;
        this.sender = sender;
        this.clock = clock;
        int n = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors() * 2));
        this.lanes = Executors.newFixedThreadPool(n, r -> daemon(r, "kith-webpush-plan"));
        this.planner = daemon(this::plan, "kith-webpush-planner");
        planner.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A local commit: queue it (never blocks the writer). */
    void committed(ChangeNotice notice) {
        Suppression s = suppression.get();
        Map<Long, Long> suppressed = Map.of();
        if (s != null) {
            s.consumed = true;
            suppressed = new HashMap<>();
            for (long id : s.ids) {
                suppressed.put(id, notice.seq());
            }
        }
        if (!jobs.offer(new Job(notice, suppressed))) {
            overflow = true; // the next plan looks at everyone instead
        }
    }

    /** Runs {@code write} so that its changes are not pushed to {@code registrationIds}. */
    <T> T suppressing(long viewer, Set<Long> registrationIds, Supplier<T> write) {
        if (registrationIds.isEmpty()) {
            return write.get();
        }
        Suppression s = new Suppression(Set.copyOf(registrationIds));
        for (long id : s.ids) {
            writing.merge(id, 1, Integer::sum);
        }
        suppression.set(s);
        try {
            return write.get();
        } finally {
            suppression.remove();
            for (long id : s.ids) {
                writing.computeIfPresent(id, (k, v) -> v == 1 ? null : v - 1);
            }
            if (!s.consumed && s.ids.stream().anyMatch(owed::contains)) {
                // nothing committed, but a plan left these alone meanwhile: look at them again
                jobs.offer(new Job(new ChangeNotice(0, Set.of(), Set.of(viewer), false), Map.of()));
            }
        }
    }

    private void plan() {
        while (running) {
            List<Job> batch = new ArrayList<>();
            try {
                batch.add(jobs.take());
            } catch (InterruptedException e) {
                return;
            }
            jobs.drainTo(batch);
            try {
                plan(batch);
            } catch (RuntimeException e) {
                LOG.warn("planning pushes for {} changes failed", batch.size(), e);
            }
        }
    }

    private void plan(List<Job> batch) {
        boolean everyone = overflow;
        overflow = false;
        Set<Long> accounts = new HashSet<>();
        Set<Long> groups = new HashSet<>();
        for (Job j : batch) {
            everyone |= j.notice().everyone();
            accounts.addAll(j.notice().viewerIds());
            groups.addAll(j.notice().groupIds());
        }
        long started = System.nanoTime();
        List<PushRegistration> regs = store.concerned(accounts, groups, everyone, clock.instant());
        sender.expect(regs.size()); // the next burst to these will find its key pairs made
        if (regs.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch((regs.size() + CHUNK - 1) / CHUNK);
        for (int i = 0; i < regs.size(); i += CHUNK) {
            List<PushRegistration> chunk = regs.subList(i, Math.min(regs.size(), i + CHUNK));
            lanes.execute(() -> {
                try {
                    planChunk(chunk, batch);
                } catch (RuntimeException e) {
                    LOG.warn("planning pushes for {} registrations failed", chunk.size(), e);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await(); // the next plan starts from what this one claimed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (regs.size() >= 1_000) {
            LOG.info("planned pushes for {} changes to {} registrations in {} ms", batch.size(), regs.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void planChunk(List<PushRegistration> chunk, List<Job> batch) {
        Map<Long, Long> claims = new HashMap<>();
        Map<Long, PushRegistration> push = new HashMap<>();
        Map<String, Map<Long, Long>> positions = new HashMap<>(); // book -> viewer -> position, read together
        Map<String, List<Long>> viewersByBook = new HashMap<>();
        for (PushRegistration reg : chunk) {
            if (!writing.containsKey(reg.id())) {
                viewersByBook.computeIfAbsent(reg.book(), b -> new ArrayList<>()).add(reg.accountId());
            }
        }
        viewersByBook.forEach((book, viewers) -> positions.put(book, books.positions(book, viewers)));
        for (PushRegistration reg : chunk) {
            if (writing.containsKey(reg.id())) {
                // a write that must not tell it is running: leave it to that write's plan, which
                // pushes after all if something else in this plan was for it
                if (batch.stream().anyMatch(j -> !j.suppressed().containsKey(reg.id())
                        && mayConcern(j.notice(), reg.accountId()))) {
                    owed.add(reg.id());
                }
                continue;
            }
            Long position = positions.get(reg.book()).get(reg.accountId());
            if (position == null || position <= reg.pushedSeq()) {
                continue; // no such book for this viewer now, or nothing new in it that the viewer may see
            }
            long pos = position;
            claims.put(reg.id(), pos);
            boolean wasOwed = owed.remove(reg.id());
            if (wasOwed || !silent(reg, pos, batch)) {
                push.put(reg.id(), reg);
            }
        }
        for (long id : store.claim(claims)) {
            PushRegistration reg = push.get(id);
            if (reg != null) {
                String topic = topics.topic(reg.accountId(), reg.book());
                long pos = claims.get(id);
                sender.offer(new Delivery(reg, topic,
                        PushMessage.contentUpdate(topic, books.syncToken(reg.accountId(), reg.book(), pos)), 0));
            }
        }
    }

    /** Whether the only change that moved {@code reg} to {@code position} was a write that said not to tell it. */
    private static boolean silent(PushRegistration reg, long position, List<Job> batch) {
        Long suppressedAt = null;
        for (Job j : batch) {
            Long at = j.suppressed().get(reg.id());
            if (at != null) {
                suppressedAt = suppressedAt == null ? at : Math.max(suppressedAt, at);
            } else if (mayConcern(j.notice(), reg.accountId())) {
                return false;
            }
        }
        return suppressedAt != null && suppressedAt == position;
    }

    /** Conservative: a group change may concern any member, so it counts. */
    private static boolean mayConcern(ChangeNotice n, long account) {
        return n.everyone() || !n.groupIds().isEmpty() || n.viewerIds().contains(account);
    }

    @Override
    public void close() {
        running = false;
        planner.interrupt();
        lanes.shutdownNow();
    }
}
