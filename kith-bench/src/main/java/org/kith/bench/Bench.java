package org.kith.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kith.bench.dav.DavBench;
import org.kith.bench.dav.MultigetBench;
import org.kith.bench.push.WebPushBench;
import org.kith.core.Kith;
import org.kith.core.Precondition;
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
 *   bin/bench multiget [rounds]       a multiget of 100 hrefs in books of 1k, 10k, 50k (see {@link MultigetBench})
 *   bin/bench desk [members] [rounds] LDAP search, caller-ID lookup and the Yealink XML (see {@link DeskBench})
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
            case "multiget" -> MultigetBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 30);
            case "desk" -> DeskBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 200);
            case "webpush" -> WebPushBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 3);
            default -> throw new IllegalArgumentException("unknown benchmark " + mode
                    + " (changes, push, dav, multiget, desk, webpush)");
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
                Seed.members(kith, g, size - 2, "member");
                System.out.printf("group of %d members seeded in %.1f s%n", kith.groups().get(owner.id(), g).memberCount(),
                        (System.nanoTime() - seedStart) / 1e9);
                String token = kith.phonebooks().phonebook(viewer.id(), g).syncToken();
                String url = "http://127.0.0.1:" + server.port() + "/api/v1/groups/" + g + "/changes?since=";
                String auth = basic("viewer", PW);
                long[] timings = new long[iterations];
                for (int i = -50; i < iterations; i++) { // 50 warm-up rounds
                    kith.cards().update(owner.id(), CardData.named("Owner").withTel(List.of(
                            new CardData.Tel("cell", "1380013" + String.format("%04d", (i + 1000) % 10000)))), Precondition.none());
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

    /**
     * One card update delivered to N connected SSE clients. The clients run in a JVM of their own
     * ({@link SseClients}), so server and clients each have their own file descriptors; times are
     * compared on the wall clock both processes share.
     */
    private static void push(int clients, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("kith-bench");
        Process clientProcess = null;
        try (KithServer server = server(dir)) {
            Kith kith = server.kith();
            Account owner = kith.accounts().register("owner", PW, "Owner", "CN");
            long g = kith.groups().create(owner.id(), "push", "", clients + 2).group().id();
            long firstMember = Seed.members(kith, g, clients, "member");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                lines.add("member" + i + ":" + kith.accounts().createAppPassword(firstMember + i, "bench").secret());
            }
            Path credentials = dir.resolve("clients.txt");
            Files.write(credentials, lines);
            // each stream's first request checks its app password and notes its use: a write each
            int connectSeconds = Math.max(60, clients / 50);
            System.gc();
            long heapBefore = usedHeap();
            clientProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx2g", "-cp", System.getProperty("java.class.path"), SseClients.class.getName(),
                    "http://127.0.0.1:" + server.port(), credentials.toString(), Integer.toString(connectSeconds))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader fromClients = new BufferedReader(new InputStreamReader(clientProcess.getInputStream(),
                    StandardCharsets.UTF_8));
            java.io.PrintWriter toClients = new java.io.PrintWriter(new java.io.OutputStreamWriter(
                    clientProcess.getOutputStream(), StandardCharsets.UTF_8), true);
            String ready = readLine(fromClients, connectSeconds + 30, "the clients to connect");
            if (!ready.startsWith("ready ")) {
                throw new IllegalStateException("the client process says: " + ready);
            }
            System.out.println(server.hub().openStreams() + " streams open (clients in their own process)");
            System.gc();
            System.out.printf("server heap per idle stream: %.1f KiB%n", (usedHeap() - heapBefore) / 1024.0 / clients);
            long[] all = new long[clients * rounds];
            for (int r = 0; r < rounds; r++) {
                toClients.println("arm " + r);
                readLine(fromClients, 10, "the clients to arm round " + (r + 1));
                long t0 = SseClients.micros();
                kith.cards().update(owner.id(), CardData.named("Owner " + r), Precondition.none());
                toClients.println("round " + r);
                String[] parts = readLine(fromClients, 20, "round " + (r + 1) + "'s arrivals").split(" ");
                int got = Integer.parseInt(parts[2]);
                if (got < clients) {
                    throw new IllegalStateException("round " + (r + 1) + ": only " + got + " of " + clients
                            + " clients got the change within 10 s");
                }
                String[] times = parts[3].split(",");
                long last = 0;
                for (int i = 0; i < clients; i++) {
                    long d = (Long.parseLong(times[i]) - t0) * 1000; // ns, as Stats expects
                    all[r * clients + i] = d;
                    last = Math.max(last, d);
                }
                System.out.printf("round %d: last of %d clients had the change after %.1f ms%n", r + 1, clients, last / 1e6);
                Thread.sleep(500);
            }
            System.out.printf("delivery to %d clients over %d rounds: %s%n", clients, rounds, Stats.of(all));
            toClients.println("quit");
        } finally {
            if (clientProcess != null) {
                clientProcess.destroyForcibly();
            }
            delete(dir);
        }
    }

    /** The client process's next line, or a failure naming what did not come in time. */
    private static String readLine(BufferedReader in, int seconds, String what) throws Exception {
        java.util.concurrent.CompletableFuture<String> line = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return in.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String s;
        try {
            s = line.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("waited " + seconds + " s for " + what + " in vain");
        }
        if (s == null) {
            throw new IllegalStateException("the client process ended while waiting for " + what);
        }
        if (s.startsWith("failed")) {
            throw new IllegalStateException("the client process says: " + s);
        }
        return s;
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
