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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SSE clients of {@code bin/bench push}, in a process of their own (so they do not share the
 * server's file descriptors). Opens one event stream per {@code user:secret} line of a file and
 * prints {@code ready N} once every stream said it is connected. Then, for each {@code round R}
 * line on standard input, waits (at most 10 s) until every stream received a card event and
 * prints {@code round R <count> <epoch µs,…>}: when each got it. Exits on {@code quit}, at the end
 * of its input, or with a message and exit code 1 when the streams cannot be opened in the seconds
 * given.
 */
public final class SseClients {
    private SseClients() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> credentials = Files.readAllLines(Path.of(args[1]));
        int n = credentials.size();
        AtomicLong[] arrivals = new AtomicLong[n];
        AtomicReference<CountDownLatch> round = new AtomicReference<>(new CountDownLatch(n));
        CountDownLatch connected = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < n; i++) {
            AtomicLong arrival = new AtomicLong();
            arrivals[i] = arrival;
            String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.get(i).getBytes(StandardCharsets.UTF_8));
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/events")).header("Authorization", auth).build();
            http.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
                @Override public void onNext(String line) {
                    if (line.equals(": connected")) {
                        connected.countDown();
                    } else if (line.equals("event: card")) {
                        arrival.set(micros());
                        round.get().countDown();
                    }
                }
                @Override public void onError(Throwable t) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, t);
                }
                @Override public void onComplete() { }
            })).exceptionally(t -> {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, t);
                return null;
            });
        }
        int seconds = Integer.parseInt(args[2]);
        if (!connected.await(seconds, TimeUnit.SECONDS)) {
            System.out.println("failed: only " + (n - connected.getCount()) + " of " + n + " streams connected within "
                    + seconds + " s ("
                    + failed.get() + " failed, first: " + firstFailure.get() + ")");
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.println("ready " + n);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
            if (line.startsWith("arm ")) { // before the change: a new round counts from zero
                round.set(new CountDownLatch(n));
                for (AtomicLong a : arrivals) {
                    a.set(0);
                }
                System.out.println("armed " + line.substring(4));
            } else if (line.startsWith("round ")) {
                round.get().await(10, TimeUnit.SECONDS);
                StringBuilder out = new StringBuilder("round ").append(line.substring(6)).append(' ')
                        .append(n - round.get().getCount()).append(' ');
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : ",").append(arrivals[i].get());
                }
                System.out.println(out);
            }
            System.out.flush();
        }
        Runtime.getRuntime().halt(0);
    }

    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
