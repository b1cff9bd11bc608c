package org.kith.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kith REST API ({@code {server}/api/v1}) over the JDK's HTTP client. Every non-2xx answer
 * becomes an {@link ApiError} carrying the server's {@link Problem}; a server that cannot be
 * reached becomes a {@link CliError} with exit code 3. Thread-safe.
 */
final class ApiClient {
    static final String BASE = "/api/v1";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String server;
    private final String authorization;
    private final HttpClient http;

    /** {@code authorization} is a complete header value, or null for the unauthenticated endpoints. */
    ApiClient(String server, String authorization) {
        this.server = ServerUrl.normalize(server);
        this.authorization = authorization;
        // HTTP/1.1: no h2c upgrade dance on plain http, and SSE is a plain long response.
        // Redirects are not followed, so credentials are never replayed to another host.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static String basic(String username, String password) {
        byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    String server() {
        return server;
    }

    /** One answer: status, ETag (null if none), content type and body text. */
    record Response(int status, String etag, String contentType, String body) {
        JsonNode json() {
            if (body == null || body.isBlank()) {
                return Json.object();
            }
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw CliError.failed("the server's answer is not JSON (" + contentType + ")");
            }
        }
    }

    JsonNode get(String path) {
        return send("GET", path, null, null, Map.of()).json();
    }

    JsonNode post(String path, Object body) {
        return sendJson("POST", path, body, Map.of()).json();
    }

    JsonNode patch(String path, Object body) {
        return sendJson("PATCH", path, body, Map.of()).json();
    }

    JsonNode put(String path, Object body) {
        return sendJson("PUT", path, body, Map.of()).json();
    }

    void delete(String path) {
        send("DELETE", path, null, null, Map.of());
    }

    Response sendJson(String method, String path, Object body, Map<String, String> headers) {
        return send(method, path, "application/json", body == null ? null : Json.write(body), headers);
    }

    /** {@code path} is relative to {@code /api/v1} and already encoded (see {@link UrlPaths}). */
    Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::setHeader);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> r = exchange(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String type = r.headers().firstValue("Content-Type").orElse(null);
        if (r.statusCode() / 100 != 2) {
            throw refusal(r.statusCode(), type, r.body(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null));
        }
        return new Response(r.statusCode(), r.headers().firstValue("ETag").orElse(null), type, r.body());
    }

    /**
     * Opens a long-lived response (the event stream) and returns its body once the headers are in.
     * No request timeout applies; the caller watches for silence itself.
     */
    InputStream openStream(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::setHeader);
        HttpResponse<InputStream> r = exchange(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            String body;
            try (InputStream in = r.body()) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw refusal(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), body,
                    r.headers().firstValue("Location").orElse(null), null);
        }
        return r.body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + BASE + path))
                .header("User-Agent", "kith-cli/" + KithCli.VERSION);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw CliError.unreachable(server, transportReason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliError.failed("interrupted");
        }
    }

    private ApiError refusal(int status, String contentType, String body, String location, String retryAfter) {
        Problem p = Problem.parse(status, contentType, body);
        if (status / 100 == 3 && location != null) {
            p = new Problem(p.type(), p.title(), status, p.code(), "the server redirects to " + location
                    + "; give that address with --server", null);
        } else if (status == 429 && retryAfter != null && p.detail() == null) {
            p = new Problem(p.type(), p.title(), status, p.code(), "try again in " + retryAfter + " s", p.field());
        }
        return new ApiError(p);
    }

    /** Why a request never got an answer, in words; the JDK often leaves the message empty. */
    static String transportReason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + reason(t);
            }
        }
        if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "connection refused";
        }
        return reason(e);
    }

    /** A human reason for a failure; the JDK often leaves the message empty. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
