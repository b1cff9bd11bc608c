package org.kith.e2e.dav;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CardDAV surface as one device of one person: HTTP Basic on every request (or none), no
 * redirect following (tests look at redirects themselves), HTTP/1.1 like phones use.
 */
final class DavClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;
    private final String authorization;

    private DavClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static DavClient anonymous(String base) {
        return new DavClient(base, null);
    }

    static DavClient as(String base, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new DavClient(base, "Basic " + basic);
    }

    String base() {
        return base;
    }

    /** A request to {@code target}: an already encoded path ({@code /dav/…}) or an absolute URL. */
    Call call(String method, String target) {
        return new Call(method, target);
    }

    DavResponse propfind(String path, int depth, String xml) {
        return call("PROPFIND", path).depth(depth).xml(xml).send();
    }

    DavResponse report(String path, int depth, String xml) {
        return call("REPORT", path).depth(depth).xml(xml).send();
    }

    DavResponse get(String path) {
        return call("GET", path).send();
    }

    DavResponse putCard(String path, String vcard) {
        return call("PUT", path).vcard(vcard).send();
    }

    DavResponse delete(String path) {
        return call("DELETE", path).send();
    }

    /** One request being built. */
    final class Call {
        private final String method;
        private final String target;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean authenticate = true;

        private Call(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call depth(int depth) {
            return header("Depth", Integer.toString(depth));
        }

        Call xml(String xml) {
            header("Content-Type", "application/xml; charset=utf-8");
            return body(xml.getBytes(StandardCharsets.UTF_8));
        }

        Call vcard(String vcard) {
            header("Content-Type", "text/vcard; charset=utf-8");
            return body(vcard.getBytes(StandardCharsets.UTF_8));
        }

        Call body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /** Sends without credentials, as iOS does on its first request. */
        Call withoutCredentials() {
            this.authenticate = false;
            return this;
        }

        DavResponse send() {
            URI uri = URI.create(target.startsWith("http") ? target : base + target);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
            if (authorization != null && authenticate) {
                b.header("Authorization", authorization);
            }
            headers.forEach(b::header);
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                return new DavResponse(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
            } catch (IOException e) {
                throw new AssertionError(method + " " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
