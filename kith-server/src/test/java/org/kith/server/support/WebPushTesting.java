package org.kith.server.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The npm package {@code web-push-testing} (1.2.2): a third party's RFC 8030 push service
 * emulator that checks the VAPID JWT (jsonwebtoken, ES256) and decrypts with http_ece. Run as its
 * own Node process on a free loopback port; ready when it says it is running.
 */
public final class WebPushTesting implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Process process;
    private final String base;

    public record Subscription(String clientHash, String endpoint, String p256dh, String auth) {}

    private WebPushTesting(Process process, int port) {
        this.process = process;
        this.base = "http://localhost:" + port;
    }

    public static WebPushTesting start() throws Exception {
        var tools = PushService.installed();
        int port;
        try (ServerSocket s = new ServerSocket(0)) { // it cannot pick its own port: it puts it in the endpoints
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder("node", tools.resolve("node_modules/web-push-testing/src/bin/server.js").toString(),
                Integer.toString(port)).redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder out = new StringBuilder();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                    if (line.startsWith("Server running on port")) {
                        ready.complete(null);
                    }
                }
            } catch (Exception e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("web-push-testing exited: " + out));
        }, "web-push-testing-output");
        t.setDaemon(true);
        t.start();
        try {
            ready.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("web-push-testing did not start: " + out, e);
        }
        return new WebPushTesting(p, port);
    }

    public Subscription subscribe(String vapidPublicKey) throws Exception {
        JsonNode d = post("/subscribe", "{\"applicationServerKey\":\"" + vapidPublicKey + "\"}").get("data");
        return new Subscription(d.get("clientHash").asText(), d.get("endpoint").asText(), d.at("/keys/p256dh").asText(),
                d.at("/keys/auth").asText());
    }

    /** The messages it received and decrypted for the subscription. */
    public List<String> messages(Subscription s) throws Exception {
        List<String> out = new ArrayList<>();
        post("/get-notifications", "{\"clientHash\":\"" + s.clientHash() + "\"}").at("/data/messages")
                .forEach(m -> out.add(m.asText()));
        return out;
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
