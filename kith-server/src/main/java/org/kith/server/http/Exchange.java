package org.kith.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.error.TooLarge;
import org.kith.core.model.Credential;

/**
 * One request and its response, with the helpers handlers need: path variables, query, body
 * (size-limited), the authenticated credential, and sending. Confined to the handling thread.
 */
public final class Exchange {
    public static final int MAX_BODY = 1024 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> pathVars;
    private Credential credential;
    private boolean async;
    private boolean bodyRead;
    private Fields query;

    Exchange(Request request, Response response, Callback callback, Map<String, String> pathVars) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathVars = pathVars;
    }

    public Request request() {
        return request;
    }

    public Response response() {
        return response;
    }

    public Callback callback() {
        return callback;
    }

    /** The handler took over completing the response (a stream). */
    public void goAsync() {
        async = true;
    }

    boolean isAsync() {
        return async;
    }

    void authenticated(Credential credential) {
        this.credential = credential;
    }

    /** The authenticated account. */
    public long account() {
        return credential.accountId();
    }

    public Credential credential() {
        return credential;
    }

    public String path(String name) {
        return pathVars.get(name);
    }

    /**
     * A numeric id from the path. Anything else cannot name a thing, so it is "not found" —
     * never a 400 that would tell a caller more than an unknown id does.
     */
    public long id(String name, String thing) {
        String value = pathVars.get(name);
        if (value != null && !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        throw new NotFound("no such " + thing);
    }

    /** A query parameter's first value, or null. */
    public String query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        }
        Fields.Field f = query.get(name);
        return f == null ? null : f.getValue();
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The request's Content-Type in lower case, "" when absent. */
    public String contentType() {
        String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return ct == null ? "" : ct.strip().toLowerCase(Locale.ROOT);
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    /** The request body as text, refusing more than {@link #MAX_BODY} bytes without reading them all. */
    public String body() {
        long declared = request.getLength();
        bodyRead = true;
        try (InputStream in = Request.asInputStream(request)) {
            if (declared > MAX_BODY) {
                drainModestExcess(in, declared);
                throw new TooLarge("the request body is larger than 1 MiB");
            }
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                drainModestExcess(in, -1);
                throw new TooLarge("the request body is larger than 1 MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Invalid.malformed(null, "the request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and discards a moderately oversized body, so the client, still sending, reliably
     * receives the 413 instead of a reset connection. Huge bodies are not read: the connection closes.
     */
    private static void drainModestExcess(InputStream in, long declared) throws IOException {
        long limit = 16L * MAX_BODY;
        if (declared > limit) {
            return;
        }
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(sink)) > 0) {
            total += n;
        }
    }

    /**
     * Before an error answer to a request whose body was never read: read and drop it (within
     * limits), so the connection stays usable for the client's next request instead of being
     * reset under it.
     */
    void discardUnreadBody() {
        if (bodyRead || request.getLength() == 0) {
            return;
        }
        bodyRead = true;
        try (InputStream in = Request.asInputStream(request)) {
            drainModestExcess(in, request.getLength());
        } catch (IOException e) {
            // the connection is going away anyway
        }
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Sends a complete response. */
    public void send(int status, String contentType, String body) {
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    public void json(int status, Object value) {
        send(status, "application/json; charset=utf-8", Json.write(value));
    }

    public void noContent() {
        send(204, null, null);
    }
}
