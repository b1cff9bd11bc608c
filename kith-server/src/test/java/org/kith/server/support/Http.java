package org.kith.server.support;

import java.io.IOException;
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

/** A REST client as one person (Basic or Bearer) or anonymous, over java.net.http. */
public final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Http anonymous(String base) {
        return new Http(base, null);
    }

    public static Http basic(String base, String username, String secret) {
        return new Http(base, "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    public static Http bearer(String base, String token) {
        return new Http(base, "Bearer " + token);
    }

    public String authorization() {
        return authorization;
    }

    public Reply get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    /** POSTs {@code json} as JSON, or no body at all when it is null. */
    public Reply post(String path, Object json) {
        return json == null ? send("POST", path, null, null, Map.of())
                : send("POST", path, "application/json", toJson(json), Map.of());
    }

    public Reply put(String path, Object json) {
        return send("PUT", path, "application/json", toJson(json), Map.of());
    }

    public Reply patch(String path, Object json) {
        return send("PATCH", path, "application/json", toJson(json), Map.of());
    }

    /** Any request; a null body sends none. */
    public Reply send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return new Reply(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new Unreachable(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** No answer at all: the connection could not be made or broke (a test that kills a server expects it). */
    public static final class Unreachable extends AssertionError {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code value} as JSON text (a String is taken as JSON already). */
    public static String toJson(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One response. */
    public record Reply(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status() + "): " + raw.body(), e);
            }
        }

        /** A top-level text field of the JSON body. */
        public String text(String field) {
            return json().get(field).asText();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public Reply expect(int expected) {
            if (status() != expected) {
                throw new AssertionError("expected " + expected + " but got " + status() + " for "
                        + raw.request().method() + " " + raw.request().uri() + ": " + raw.body());
            }
            return this;
        }
    }
}
