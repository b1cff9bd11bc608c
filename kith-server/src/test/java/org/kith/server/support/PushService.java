package org.kith.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Web Push service on loopback ({@code tools/webpush/push-service.js} under Node): it
 * decrypts every message with the npm package {@code http_ece} and verifies its VAPID token with
 * Node's crypto, so what a test reads from it was checked without any of Kith's code. Started per
 * test class; its readiness is the line it prints once listening. Installs its npm packages into
 * {@code tools/webpush/node_modules} when they are missing.
 */
public final class PushService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final StringBuilder output = new StringBuilder();

    /** A subscription as a phone's push distributor hands it to the app. */
    public record Subscription(String id, String endpoint, String p256dh, String auth) {}

    private PushService(Process process, int port) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
    }

    /** The tools folder ({@code tools/webpush}) of this checkout, found from the working directory up. */
    public static Path tools() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("tools/webpush/package.json"))) {
                return p.resolve("tools/webpush");
            }
        }
        throw new IllegalStateException("tools/webpush/package.json not found above " + Path.of("").toAbsolutePath());
    }

    /** Installs the npm packages (pinned in package-lock.json) when missing. */
    public static synchronized Path installed() throws IOException, InterruptedException {
        Path tools = tools();
        if (!Files.isDirectory(tools.resolve("node_modules/http_ece"))
                || !Files.isDirectory(tools.resolve("node_modules/web-push-testing"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(tools.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + tools + " failed: " + out);
            }
        }
        return tools;
    }

    public static PushService start() throws Exception {
        Path tools = installed();
        Process p = new ProcessBuilder("node", tools.resolve("push-service.js").toString(), "0")
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        StringBuilder early = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (early) {
                        early.append(line).append('\n');
                    }
                    if (line.startsWith("push service listening on ")) {
                        ready.complete(Integer.parseInt(line.substring("push service listening on ".length()).strip()));
                    }
                }
                ready.completeExceptionally(new IllegalStateException("the push service exited: " + early));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "push-service-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new PushService(p, ready.get(20, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the push service did not start: " + early, e);
        }
    }

    public String baseUrl() {
        return base;
    }

    /** A new subscription for an application server with that VAPID key. */
    public Subscription subscribe(String vapidPublicKey) {
        JsonNode s = call("POST", "/subscribe", "{\"applicationServerKey\":\"" + vapidPublicKey + "\"}");
        return new Subscription(s.get("id").asText(), s.get("endpoint").asText(), s.at("/keys/p256dh").asText(),
                s.at("/keys/auth").asText());
    }

    /** The messages this subscription received, decrypted by the push service, oldest first. */
    public List<JsonNode> messages(Subscription s) {
        List<JsonNode> out = new ArrayList<>();
        call("GET", "/messages/" + s.id(), null).forEach(out::add);
        return out;
    }

    /** From now on the service answers {@code status} (404 or 410) for this subscription. */
    public void gone(Subscription s, int status) {
        call("POST", "/control/" + s.id(), "{\"gone\":" + status + "}");
    }

    /** The next pushes to this subscription are answered with these statuses, in order. */
    public void fail(Subscription s, int... statuses) {
        StringBuilder list = new StringBuilder();
        for (int st : statuses) {
            list.append(list.length() == 0 ? "" : ",").append(st);
        }
        call("POST", "/control/" + s.id(), "{\"fail\":[" + list + "],\"retryAfter\":\"1\"}");
    }

    /** Counters: accepted, refused, errors (a message it could not decrypt or verify). */
    public JsonNode stats() {
        return call("GET", "/stats", null);
    }

    private JsonNode call(String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            b.header("Content-Type", "application/json");
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
