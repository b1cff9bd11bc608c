package org.kith.bench.push;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The loopback Web Push service of {@code tools/webpush/push-service.js}, in its own Node process. */
final class PushServiceProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PushServiceProcess(Process process, int port) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
    }

    static PushServiceProcess start() throws Exception {
        Path script = Path.of("tools/webpush/push-service.js").toAbsolutePath();
        if (!Files.exists(script.resolveSibling("node_modules/http_ece"))) {
            throw new IllegalStateException("the push service's npm packages are missing: run bin/bench, which installs them");
        }
        Process p = new ProcessBuilder("node", script.toString(), "0").redirectErrorStream(true).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("push service listening on ")) {
                        ready.complete(Integer.parseInt(line.substring(26).strip()));
                    } else {
                        System.out.println("push service: " + line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the push service exited"));
        }, "push-service-output");
        t.setDaemon(true);
        t.start();
        try {
            return new PushServiceProcess(p, ready.get(20, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the push service did not start within 20 s: " + e.getMessage(), e);
        }
    }

    JsonNode subscribeMany(int count, String vapidKey) throws Exception {
        return call("POST", "/subscribe-many", "{\"count\":" + count + ",\"applicationServerKey\":\"" + vapidKey + "\"}");
    }

    JsonNode stats() throws Exception {
        return call("GET", "/stats", null);
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
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
