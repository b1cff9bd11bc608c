package org.kith.e2e.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A person's live event stream ({@code GET /api/v1/events}), collecting every event it receives
 * and every comment line ({@code : connected}, {@code : ping}).
 */
public final class EventStream implements AutoCloseable {
    /** One server-sent event. */
    public record Event(String id, String type, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean open = true;

    public EventStream(String base, String username, String password, String lastEventId) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .header("Authorization", "Basic " + basic).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            req.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(req.build(), HttpResponse.BodyHandlers.ofLines());
        // never on the caller's thread: a response that is already complete would run this inline
        response.thenAcceptAsync(r -> {
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            var it = r.body().iterator();
            while (open && it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0 || type != null) {
                        events.add(new Event(id, type == null ? "message" : type, data.toString()));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        }, java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "event-stream-reader");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Waits for the server's {@code : connected} comment, which it sends once the stream is
     * registered: every change committed after it is delivered on this stream (docs/REST.md).
     */
    public EventStream connected() throws Exception {
        HttpResponse<Stream<String>> r = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
        if (r.statusCode() != 200) {
            throw new AssertionError("event stream answered " + r.statusCode());
        }
        Waits.until("the stream's ': connected' comment", Duration.ofSeconds(10), () -> comments.contains("connected"));
        return this;
    }

    /**
     * Waits until an event matches {@code sentinel} and returns every event received before it.
     * A change that was to be withheld is proven absent by checking that list: events of one
     * stream arrive in commit order, so anything committed before the sentinel came first.
     */
    public List<Event> eventsBefore(String sentinel, Duration deadline, Predicate<Event> match) {
        Waits.until(sentinel, deadline, () -> events.stream().anyMatch(match));
        List<Event> all = events();
        for (int i = 0; i < all.size(); i++) {
            if (match.test(all.get(i))) {
                return all.subList(0, i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    @Override
    public void close() {
        open = false;
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
