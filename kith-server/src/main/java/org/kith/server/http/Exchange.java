package org.kith.server.http;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.kith.core.error.ErrorCode;
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
    public long id(String name, String thing, ErrorCode unknown) {
        String value = pathVars.get(name);
        if (value != null && !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        throw new NotFound(unknown, "no such " + thing);
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
        bodyRead = true;
        try {
            byte[] bytes = RequestBodies.read(request, MAX_BODY, () -> new TooLarge(ErrorCode.BODY_TOO_LARGE,
                    "the request body is larger than 1 MiB").with("maxBytes", MAX_BODY));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (UncheckedIOException e) {
            throw Invalid.malformed(ErrorCode.BODY_UNREADABLE, null,
                    "the request body could not be read: " + e.getCause().getMessage());
        }
    }

    /**
     * Before an error answer to a request whose body was never read: read and drop it (within
     * limits), so the connection stays usable for the client's next request.
     */
    void discardUnreadBody() {
        if (!bodyRead) {
            bodyRead = true;
            RequestBodies.discard(request);
        }
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Sends a complete response, after dropping any body the handler did not read (keeps the connection usable). */
    public void send(int status, String contentType, String body) {
        discardUnreadBody();
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
