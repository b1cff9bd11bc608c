package org.kith.bench.dav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CardDAV client: one {@link HttpConnection} per calling thread (kept alive where the server
 * allows it), HTTP Basic on every request as phones send it. Thread-safe.
 */
final class DavClient {
    private static final Pattern RESPONSE = Pattern.compile("<(\\w+:)?response[\\s>]");
    private static final Pattern SYNC_TOKEN = Pattern.compile("<(\\w+:)?sync-token>([^<]*)</");

    /** One answer: status, body and ETag header (null when absent). */
    record Reply(int status, String body, String etag) {
        /** The number of {@code response} elements of a multistatus. */
        int responses() {
            Matcher m = RESPONSE.matcher(body);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }

        /** The sync token of a sync-collection answer. */
        String syncToken() {
            Matcher m = SYNC_TOKEN.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no sync-token in the answer: " + abbreviated());
            }
            return m.group(2).strip();
        }

        Reply expect(int wanted, String what) {
            if (status != wanted) {
                throw new IllegalStateException(what + ": expected " + wanted + ", got " + status + " " + abbreviated());
            }
            return this;
        }

        private String abbreviated() {
            return body.length() > 400 ? body.substring(0, 400) + "…" : body;
        }
    }

    private final String host;
    private final int port;
    private final String authorization;
    private final ThreadLocal<HttpConnection> connections;

    DavClient(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.connections = ThreadLocal.withInitial(() -> new HttpConnection(host, port));
    }

    Reply send(String method, String path, String body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpConnection connection = connections.get();
        try {
            HttpConnection.Response r;
            try {
                r = connection.exchange(method, path, h, bytes);
            } catch (IOException stale) { // a kept-alive connection the server closed meanwhile: once more on a new one
                connection.close();
                r = connection.exchange(method, path, h, bytes);
            }
            return new Reply(r.status(), new String(r.body(), StandardCharsets.UTF_8), r.headers().get("etag"));
        } catch (IOException e) {
            connection.close();
            throw new IllegalStateException(method + " " + path + " to " + host + ":" + port + " failed: " + e, e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply putCard(String path, String vcard, boolean create) {
        return create
                ? send("PUT", path, vcard, "Content-Type", "text/vcard; charset=utf-8", "If-None-Match", "*")
                : send("PUT", path, vcard, "Content-Type", "text/vcard; charset=utf-8");
    }

    Reply propfind(String path, String depth, String body) {
        return send("PROPFIND", path, body, "Depth", depth, "Content-Type", "application/xml; charset=utf-8");
    }

    Reply report(String path, String body) {
        return send("REPORT", path, body, "Depth", "1", "Content-Type", "application/xml; charset=utf-8");
    }

    Reply mkcol(String path, String body) {
        return send("MKCOL", path, body, "Content-Type", "application/xml; charset=utf-8");
    }
}
