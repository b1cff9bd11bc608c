package org.kith.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Kith REST API over HTTP. Problems (RFC 9457) become {@link CliError}s with the server's words. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String server;
    private final String authorization;
    private final HttpClient http;

    ApiClient(String server, String authorization) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String server() {
        return server;
    }

    HttpClient http() {
        return http;
    }

    /** A response: status, ETag and body. */
    record Reply(int status, String etag, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new CliError(CliError.FAILED, "the server sent something that is not JSON");
            }
        }
    }

    JsonNode get(String path) {
        return call("GET", path, null, null, Map.of()).json();
    }

    JsonNode post(String path, Object body) {
        Reply r = call("POST", path, "application/json", write(body), Map.of());
        return r.body().isEmpty() ? null : r.json();
    }

    void delete(String path) {
        call("DELETE", path, null, null, Map.of());
    }

    void put(String path, Object body) {
        call("PUT", path, body == null ? null : "application/json", body == null ? null : write(body), Map.of());
    }

    JsonNode patch(String path, Object body) {
        return call("PATCH", path, "application/json", write(body), Map.of()).json();
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    Reply call(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new CliError(CliError.UNREACHABLE, "cannot reach server at " + server);
        } catch (IOException e) {
            throw new CliError(CliError.UNREACHABLE, "cannot reach server at " + server + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliError(CliError.FAILED, "interrupted");
        }
        if (r.statusCode() >= 400) {
            throw problem(r);
        }
        return new Reply(r.statusCode(), r.headers().firstValue("ETag").orElse(null), r.body());
    }

    /** The server's refusal in one line: "title: detail (field: f)". */
    static ApiError problem(HttpResponse<String> r) {
        String text = "HTTP " + r.statusCode();
        try {
            JsonNode p = JSON.readTree(r.body());
            if (p != null && p.has("title")) {
                text = p.path("title").asText() + ": " + p.path("detail").asText();
                if (p.hasNonNull("field")) {
                    text += " (field: " + p.get("field").asText() + ")";
                }
            }
        } catch (IOException ignored) {
            // not problem+json; the status says enough
        }
        return new ApiError(r.statusCode(), text);
    }

    /** The server answered with an error status. */
    static final class ApiError extends CliError {
        final int status;

        ApiError(int status, String message) {
            super(FAILED, message);
            this.status = status;
        }
    }
}
