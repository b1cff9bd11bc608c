package org.kith.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.kith.core.Precondition;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.error.TooLarge;
import org.kith.core.model.Credential;

/**
 * One request and its response, the same for every surface (REST, CardDAV, the web UI): the
 * path decoded once, path variables, query, cookies, typed headers, the body (size-limited, read
 * once), the credential, the surface's own per-request state, and sending. Every answer first
 * drops a body nobody read, so a kept-alive connection survives any answer. Confined to the
 * handling thread.
 */
public final class Exchange {
    public static final int MAX_BODY = 1024 * 1024;

    /** Reads the request body in a form of its own (a web form, multipart). */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(Request request) throws IOException;
    }

    /** Takes over a response whose status and headers are set (an event stream). */
    @FunctionalInterface
    public interface StreamTaker {
        void take(Request request, Response response, Callback callback);
    }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final List<String> segments;
    private final Map<String, String> vars;
    private final List<String> allowed;
    private Credential credential;
    private Object state;
    private boolean async;
    private boolean bodyRead;
    private Fields query;

    Exchange(Request request, Response response, Callback callback, List<String> segments, Map<String, String> vars,
             List<String> allowed) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.segments = segments;
        this.vars = vars;
        this.allowed = allowed;
    }

    // ---- the request ------------------------------------------------------------------------

    public Request request() {
        return request;
    }

    public Response response() {
        return response;
    }

    public Callback callback() {
        return callback;
    }

    public String method() {
        return request.getMethod();
    }

    /** The raw (still encoded) request path. */
    public String path() {
        String p = request.getHttpURI().getPath();
        return p == null ? "/" : p;
    }

    /** The raw path and query, for coming back here later. */
    public String pathAndQuery() {
        String q = request.getHttpURI().getQuery();
        return q == null ? path() : path() + "?" + q;
    }

    /** The path's segments, each percent-decoded exactly once. */
    public List<String> segments() {
        return segments;
    }

    /** A variable of the route's template ({@code {id}}), decoded. */
    public String var(String name) {
        return vars.get(name);
    }

    /**
     * A numeric id from the path. Anything else cannot name a thing, so it is "not found" —
     * never a 400 that would tell a caller more than an unknown id does.
     */
    public long id(String name, String thing, ErrorCode unknown) {
        String value = vars.get(name);
        if (value != null && !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        throw new NotFound(unknown, "no such " + thing);
    }

    /** The methods the route table serves at this path, in table order (for {@code Allow}). */
    public List<String> allowed() {
        return allowed;
    }

    /** A query parameter's first value, or null. */
    public String query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        }
        return query.getValue(name);
    }

    /** A query parameter's first value, or {@code fallback}. */
    public String query(String name, String fallback) {
        String value = query(name);
        return value == null ? fallback : value;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The request's media type: its Content-Type without parameters, lower case; "" when absent. */
    public String mediaType() {
        String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        int semicolon = ct == null ? -1 : ct.indexOf(';');
        return ct == null ? "" : (semicolon < 0 ? ct : ct.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    public String cookie(String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    // ---- typed headers ----------------------------------------------------------------------

    /** If-Match / If-None-Match as a write's precondition. */
    public Precondition precondition() {
        return EntityTags.precondition(header("If-Match"), header("If-None-Match"));
    }

    /** Whether a read's If-None-Match names {@code etag}: the answer is 304. */
    public boolean notModified(String etag) {
        return EntityTags.noneMatchFails(header("If-None-Match"), etag);
    }

    public Accept accept() {
        return Accept.parse(header("Accept"));
    }

    /** WebDAV's Depth, {@code fallback} when absent. */
    public Depth depth(Depth fallback) {
        return Depth.parse(header("Depth"), fallback);
    }

    /** Where a reconnecting event stream resumes (Last-Event-ID), or null. */
    public Long lastEventId() {
        return LastEventId.parse(header("Last-Event-ID"));
    }

    public Prefer prefer() {
        return Prefer.parse(request.getHeaders().getValuesList("Prefer"));
    }

    // ---- the body ---------------------------------------------------------------------------

    /** The request body as text, refusing more than {@link #MAX_BODY} bytes. */
    public String body() {
        return new String(body(MAX_BODY, () -> new TooLarge(ErrorCode.BODY_TOO_LARGE,
                "the request body is larger than 1 MiB").with("maxBytes", MAX_BODY)), StandardCharsets.UTF_8);
    }

    /**
     * The body, refusing more than {@code max} bytes with {@code tooLarge} without keeping them.
     * @throws Invalid (malformed) when the body cannot be read
     */
    public byte[] body(int max, Supplier<? extends RuntimeException> tooLarge) {
        return readBody(r -> RequestBodies.read(r, max, tooLarge));
    }

    /** Reads the body with {@code reader}: the one way a handler consumes it. */
    public <T> T readBody(BodyReader<T> reader) {
        bodyRead = true;
        try {
            return reader.read(request);
        } catch (IOException | UncheckedIOException e) {
            throw Invalid.malformed(ErrorCode.BODY_UNREADABLE, null,
                    "the request body could not be read: " + e.getMessage());
        }
    }

    // ---- who asks, and the surface's state --------------------------------------------------

    public void authenticated(Credential credential) {
        this.credential = credential;
    }

    public Credential credential() {
        return credential;
    }

    /** The authenticated account. */
    public long account() {
        return credential.accountId();
    }

    /** Keeps the surface's state for this request (the web's visitor, a CardDAV request's context). */
    public void state(Object value) {
        this.state = value;
    }

    /** The surface's state, or null when it set none of this type. */
    public <T> T state(Class<T> type) {
        return type.isInstance(state) ? type.cast(state) : null;
    }

    // ---- answering --------------------------------------------------------------------------

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public void addHeader(String name, String value) {
        response.getHeaders().add(name, value);
    }

    public boolean committed() {
        return response.isCommitted();
    }

    boolean isAsync() {
        return async;
    }

    /** A response without a body. */
    public void send(int status) {
        send(status, null, new byte[0]);
    }

    public void send(int status, String contentType, String body) {
        send(status, contentType, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a complete response (no body bytes for HEAD), after dropping any body the handler did not read. */
    public void send(int status, String contentType, byte[] body) {
        discardUnreadBody();
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        boolean head = method().equals("HEAD");
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    public void json(int status, Object value) {
        send(status, "application/json; charset=utf-8", Json.write(value));
    }

    public void sendXml(int status, String xml) {
        send(status, "application/xml; charset=utf-8", xml);
    }

    public void noContent() {
        send(204, null, new byte[0]);
    }

    /** 303 See Other: after a form post, and to send visitors where they belong. */
    public void redirect(String location) {
        setHeader("Location", location);
        send(303, null, new byte[0]);
    }

    /** A file to save (UTF-8 names are sent RFC 6266 style, with an ASCII fallback). */
    public void download(String contentType, String fileName, String asciiFallback, byte[] bytes) {
        setHeader("Content-Disposition", "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        send(200, contentType, bytes);
    }

    /**
     * Answers 200 as a server-sent event stream and hands the response to {@code taker}, which
     * completes it when the stream ends.
     */
    public void eventStream(StreamTaker taker) {
        discardUnreadBody();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        async = true;
        taker.take(request, response, callback);
    }

    /** A body nobody read would make the server drop the kept-alive connection: read and drop it (within limits). */
    private void discardUnreadBody() {
        if (!bodyRead) {
            bodyRead = true;
            RequestBodies.discard(request);
        }
    }
}
