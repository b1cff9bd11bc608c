package org.kith.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kith.bench.dav.DavBench;
import org.kith.bench.push.WebPushBench;
import org.kith.core.Kith;
import org.kith.core.auth.Secrets;
import org.kith.core.card.CardData;
import org.kith.core.model.Account;
import org.kith.server.Config;
import org.kith.server.KithServer;

/**
 * Kith's benchmarks, against a real server on loopback with an SQLite database in a temporary
 * directory. Bounded in count and time; prints results to standard output.
 * <pre>
 *   bin/bench changes [iterations]    "changes since" after one change, groups of 1k, 10k, 100k
 *   bin/bench push [clients] [rounds] one card update delivered to N connected SSE clients
 *   bin/bench dav [rounds]            CardDAV side by side with Radicale (see {@link DavBench})
 *   bin/bench webpush [members] [rounds] one change pushed to every member's phone (see {@link WebPushBench})
 * </pre>
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "bench-password";

    private Bench() {}

    /** Runs one benchmark; any failure ends the process with a message and exit code 1, never a hang. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            System.out.flush();
            System.err.println("benchmark failed: " + t);
            t.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(1); // servers and clients may hold non-daemon threads; do not wait for them
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "changes";
        System.out.println("java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap");
        switch (mode) {
            case "changes" -> changes(args.length > 1 ? Integer.parseInt(args[1]) : 300);
            case "push" -> push(args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 5);
            case "dav" -> DavBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 10);
            case "webpush" -> WebPushBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 3);
            default -> throw new IllegalArgumentException("unknown benchmark " + mode + " (changes, push, dav, webpush)");
        }
    }

    private static KithServer server(Path dir) throws Exception {
        return KithServer.start(Config.load(new String[] {"--port", "0", "--host", "127.0.0.1", "--data",
                dir.toString(), "--argon2-memory-kib", "1024", "--argon2-iterations", "1", "--max-members", "200000"},
                Map.of()));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void changes(int iterations) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Stats> all = new ArrayList<>();
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            Path dir = Files.createTempDirectory("kith-bench");
            try (KithServer server = server(dir)) {
                Kith kith = server.kith();
                Account owner = kith.accounts().register("owner", PW, "Owner", "CN");
                Account viewer = kith.accounts().register("viewer", PW, "Viewer", "CN");
                long g = kith.groups().create(owner.id(), "big", "", size + 2).group().id();
                long inv = kith.invitations().inviteUser(owner.id(), g, "viewer", null).invitation().id();
                kith.invitations().accept(viewer.id(), inv);
                long seedStart = System.nanoTime();
                Seed.members(kith, g, size - 2, "m");
                System.out.printf("group of %d members seeded in %.1f s%n", kith.groups().get(owner.id(), g).memberCount(),
                        (System.nanoTime() - seedStart) / 1e9);
                String token = kith.phonebooks().phonebook(viewer.id(), g).syncToken();
                String url = "http://127.0.0.1:" + server.port() + "/api/v1/groups/" + g + "/changes?since=";
                String auth = basic("viewer", PW);
                long[] timings = new long[iterations];
                for (int i = -50; i < iterations; i++) { // 50 warm-up rounds
                    kith.cards().update(owner.id(), CardData.named("Owner").withTel(List.of(
                            new CardData.Tel("cell", "1380013" + String.format("%04d", (i + 1000) % 10000)))), null);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + token))
                            .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - t0;
                    JsonNode body = JSON.readTree(r.body());
                    if (r.statusCode() != 200 || body.get("updated").size() != 1) {
                        throw new IllegalStateException("unexpected answer " + r.statusCode() + ": " + r.body());
                    }
                    token = body.get("syncToken").asText();
                    if (i >= 0) {
                        timings[i] = elapsed;
                    }
                }
                Stats stats = Stats.of(timings);
                all.add(stats);
                System.out.printf("changes since, one change, group of %,d: %s%n", size, stats);
            } finally {
                delete(dir);
            }
        }
        System.out.printf("ratio p50 100k / 1k = %.2f%n", all.get(2).p50() / all.get(0).p50());
    }

    private static void push(int clients, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("kith-bench");
        try (KithServer server = server(dir)) {
            Kith kith = server.kith();
            Account owner = kith.accounts().register("owner", PW, "Owner", "CN");
            long g = kith.groups().create(owner.id(), "push", "", clients + 2).group().id();
            long firstMember = Seed.members(kith, g, clients, "m");
            List<String> secrets = new ArrayList<>();
            kith.store().write(tx -> {
                for (int i = 0; i < clients; i++) {
                    String secret = "bench-secret-" + i;
                    tx.insertAppPassword(firstMember + i, "bench", Secrets.hash(secret), Instant.now());
                    secrets.add(secret);
                }
                return null;
            });
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            AtomicLong[] arrivals = new AtomicLong[clients];
            CountDownLatch[] round = {new CountDownLatch(clients)};
            System.gc();
            long heapBefore = usedHeap();
            for (int i = 0; i < clients; i++) {
                AtomicLong arrival = new AtomicLong();
                arrivals[i] = arrival;
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                        .header("Authorization", basic("m" + i, secrets.get(i))).build();
                http.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
                    @Override public void onNext(String line) {
                        if (line.equals("event: card")) {
                            arrival.set(System.nanoTime());
                            round[0].countDown();
                        }
                    }
                    @Override public void onError(Throwable t) { }
                    @Override public void onComplete() { }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.hub().openStreams() < clients && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            System.out.println(server.hub().openStreams() + " streams open");
            Thread.sleep(1000);
            System.gc();
            long heapAfter = usedHeap();
            System.out.printf("heap per idle stream (server and client side together, an upper bound): %.1f KiB%n",
                    (heapAfter - heapBefore) / 1024.0 / clients);
            List<Long> lastArrivals = new ArrayList<>();
            long[] all = new long[clients * rounds];
            for (int r = 0; r < rounds; r++) {
                round[0] = new CountDownLatch(clients);
                long t0 = System.nanoTime();
                kith.cards().update(owner.id(), CardData.named("Owner " + r), null);
                if (!round[0].await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("only " + (clients - round[0].getCount()) + " clients got the change");
                }
                long last = 0;
                for (int i = 0; i < clients; i++) {
                    long d = arrivals[i].get() - t0;
                    all[r * clients + i] = d;
                    last = Math.max(last, d);
                }
                lastArrivals.add(last);
                System.out.printf("round %d: last of %d clients had the change after %.1f ms%n", r + 1, clients, last / 1e6);
                Thread.sleep(500);
            }
            System.out.printf("delivery to %d clients over %d rounds: %s%n", clients, rounds, Stats.of(all));
        } finally {
            delete(dir);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void delete(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
