package org.kith.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Kith server on a random loopback port: answers "METHOD /api/v1/path?query"
 * with canned bodies (files under src/test/resources/api), records every request, and serves
 * {@code GET /api/v1/events} from a queue the test writes into.
 */
final class FakeServer implements AutoCloseable {
    record Request(String method, String uri, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Answer(int status, String contentType, String body, Map<String, String> headers) {}

    private static final String CLOSE = "\u0000close";

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private volatile Answer eventsRefusal;
    /** Only the newest stream takes from the queue; an older one the client left just ends. */
    private final java.util.concurrent.atomic.AtomicInteger streams = new java.util.concurrent.atomic.AtomicInteger();

    FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code METHOD /api/v1<pathAndQuery>} with a resource file from {@code api/}. */
    FakeServer json(String method, String pathAndQuery, int status, String resource) {
        return text(method, pathAndQuery, status, status >= 400 ? "application/problem+json" : "application/json",
                resource(resource), Map.of());
    }

    FakeServer text(String method, String pathAndQuery, int status, String contentType, String body,
                    Map<String, String> headers) {
        answers.put(method + " " + ApiClient.BASE + pathAndQuery, new Answer(status, contentType, body, headers));
        return this;
    }

    /** Holds back the answer to {@code METHOD /api/v1<pathAndQuery>} for a while, as a slow server would. */
    FakeServer delay(String method, String pathAndQuery, long millis) {
        delays.put(method + " " + ApiClient.BASE + pathAndQuery, millis);
        return this;
    }

    FakeServer noContent(String method, String pathAndQuery) {
        return text(method, pathAndQuery, 204, null, "", Map.of());
    }

    /** Makes {@code GET /events} answer with this status and problem instead of a stream. */
    void refuseEvents(int status, String resource) {
        eventsRefusal = new Answer(status, "application/problem+json", resource(resource), Map.of());
    }

    /** Text for the open event stream (the next one, if none is open). */
    void push(String text) {
        events.add(text);
    }

    /** Ends the open event stream, as a restarting server would. */
    void dropStream() {
        events.add(CLOSE);
    }

    int streamsOpened() {
        return streams.get();
    }

    List<Request> requests() {
        return requests;
    }

    List<Request> requests(String method, String uriPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.uri().startsWith(ApiClient.BASE + uriPrefix)).toList();
    }

    static String resource(String name) {
        try (InputStream in = FakeServer.class.getResourceAsStream("/api/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource api/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        requests.add(new Request(ex.getRequestMethod(), uri, ex.getRequestHeaders(), body));
        if (ex.getRequestMethod().equals("GET") && uri.equals(ApiClient.BASE + "/events") && eventsRefusal == null) {
            stream(ex);
            return;
        }
        Long delay = delays.get(ex.getRequestMethod() + " " + uri);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer a = uri.equals(ApiClient.BASE + "/events") ? eventsRefusal : answers.get(ex.getRequestMethod() + " " + uri);
        if (a == null) {
            a = new Answer(404, "application/problem+json",
                    "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no canned answer for " + uri + "\"}", Map.of());
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        if (a.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", a.contentType());
        }
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        int mine = streams.incrementAndGet();
        try {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (streams.get() == mine) {
                String next = events.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                if (next.equals(CLOSE)) {
                    break;
                }
                out.write(next.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client closed the stream
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
