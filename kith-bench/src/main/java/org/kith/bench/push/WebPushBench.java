package org.kith.bench.push;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.kith.bench.Seed;
import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.card.CardData;
import org.kith.core.model.Account;
import org.kith.server.Config;
import org.kith.server.KithServer;
import org.kith.server.webpush.WebPush;

/**
 * Push to phones at scale: one card change in a group of N members, every member with a push
 * registration for the group's book; a real Web Push service on loopback (Node, decrypting and
 * verifying each message) accepts the pushes. Measures the time until it accepted the last one,
 * pushes per second, the server's heap during the burst, and the triggering commit's own time
 * beside the same commit with no registrations. Fails with a message instead of waiting forever.
 */
public final class WebPushBench {
    private static final long DEADLINE_MS = 120_000;

    private WebPushBench() {}

    public static void run(int members, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("kith-bench-webpush");
        try (PushServiceProcess service = PushServiceProcess.start();
             KithServer server = KithServer.start(Config.load(new String[] {"--port", "0", "--host", "127.0.0.1",
                     "--data", dir.toString(), "--argon2-memory-kib", "1024", "--argon2-iterations", "1",
                     "--max-members", "200000", "--push-allow-hosts", "127.0.0.1",
                     "--push-queue", Integer.toString(Math.max(100_000, members * 2))}, Map.of()))) {
            Kith kith = server.kith();
            WebPush push = server.webPush();
            Account owner = kith.accounts().register("owner", "bench-password", "Owner", "CN");
            long g = kith.groups().create(owner.id(), "push", "", members + 2).group().id();
            long t = System.nanoTime();
            long first = Seed.members(kith, g, members, "member");
            System.out.printf("group of %,d members seeded in %.1f s%n", members, (System.nanoTime() - t) / 1e9);

            List<Long> baseline = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                baseline.add(commit(kith, owner, "Owner baseline " + i));
            }

            t = System.nanoTime();
            JsonNode subs = service.subscribeMany(members, push.vapidPublicKey());
            List<WebPush.NewRegistration> regs = new ArrayList<>(members);
            for (int i = 0; i < members; i++) {
                JsonNode s = subs.get(i);
                regs.add(new WebPush.NewRegistration(first + i, "group-" + g, s.get("endpoint").asText(),
                        s.at("/keys/p256dh").asText(), s.at("/keys/auth").asText()));
            }
            push.registerAll(regs);
            System.out.printf("%,d push registrations made in %.1f s%n", members, (System.nanoTime() - t) / 1e9);
            awaitKeys(push, members);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapIdle = memory.getHeapMemoryUsage().getUsed();
            long accepted = 0;
            for (int r = 1; r <= rounds; r++) {
                if (r > 1) {
                    awaitKeys(push, members);
                }
                AtomicLong peak = new AtomicLong();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "heap-sampler");
                sampler.setDaemon(true);
                sampler.start();
                long t0 = System.currentTimeMillis();
                long commit = commit(kith, owner, "Owner " + r);
                long target = accepted + members;
                long deadline = t0 + DEADLINE_MS;
                JsonNode stats = service.stats();
                while (stats.get("accepted").asLong() < target) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("round " + r + ": the push service accepted only "
                                + (stats.get("accepted").asLong() - accepted) + " of " + members + " pushes within "
                                + DEADLINE_MS / 1000 + " s; errors: " + stats.get("errors"));
                    }
                    Thread.sleep(20);
                    stats = service.stats();
                }
                sampler.interrupt();
                if (!stats.get("errors").isEmpty()) {
                    throw new IllegalStateException("the push service could not decrypt or verify: " + stats.get("errors"));
                }
                accepted = stats.get("accepted").asLong();
                long last = stats.get("lastAcceptedAt").asLong() - t0;
                System.out.printf("round %d: %,d pushes accepted, the last after %,d ms (%,.0f pushes/s); "
                                + "commit %.1f ms (without registrations: median %.1f ms); heap idle %d MiB, peak %d MiB%n",
                        r, members, last, members * 1000.0 / last, commit / 1e6, median(baseline) / 1e6,
                        heapIdle >> 20, peak.get() >> 20);
                Thread.sleep(1_500); // past the one-push-a-second pacing of each registration
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A server running a while has its one-use key pairs made; a fresh one (or one just after a burst) makes them now. */
    private static void awaitKeys(WebPush push, int members) throws InterruptedException {
        long t = System.nanoTime();
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (push.readyKeys() < members) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("only " + push.readyKeys() + " of " + members
                        + " one-use key pairs were made in " + DEADLINE_MS / 1000 + " s");
            }
            Thread.sleep(50);
        }
        System.out.printf("%,d one-use key pairs ready (made ahead in %.1f s)%n", members, (System.nanoTime() - t) / 1e9);
    }

    private static long commit(Kith kith, Account owner, String name) {
        long t = System.nanoTime();
        kith.cards().update(owner.id(), CardData.named(name), Precondition.none());
        return System.nanoTime() - t;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
