package org.kith.server.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An event-stream client over java.net.http (BodyHandlers.ofLines), reading on its own thread
 * and collecting whole events.
 */
public final class SseClient implements AutoCloseable {
    /** One server-sent event: its id (null when the server sent none), type and data. */
    public record Event(String id, String type, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;
    private final Thread reader;

    public SseClient(String url, String authorization, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", authorization);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        response = Http.CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
        body = r.body();
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public HttpResponse<Stream<String>> response() {
        return response.join();
    }

    private void read() {
        String id = null;
        String type = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (var it = body.iterator(); it.hasNext(); ) {
                String line = it.next();
                lines.add(line);
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, data.toString()));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (RuntimeException e) {
            // closed
        }
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** Waits until an event matches, and returns it. */
    public Event await(String what, Duration timeout, Predicate<Event> match) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no event within " + timeout + ": " + what + "; got " + events);
    }

    /** Waits until a raw line matches. */
    public void awaitLine(Duration timeout, Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(match)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching line within " + timeout + "; got " + lines);
    }

    @Override
    public void close() {
        Stream<String> b = body;
        if (b != null) {
            b.close(); // closes the connection
        }
    }
}
