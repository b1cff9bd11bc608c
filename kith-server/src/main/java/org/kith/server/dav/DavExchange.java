package org.kith.server.dav;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kith.core.model.Account;
import org.kith.server.http.RequestBodies;

/** One CardDAV request: the authenticated account, its target, the body (size-limited) and the answer. */
final class DavExchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final java.util.function.Function<Request, String> baseUrl;
    private Account account;
    private boolean bodyRead;

    DavExchange(Request request, Response response, Callback callback,
                java.util.function.Function<Request, String> baseUrl) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.baseUrl = baseUrl;
    }

    String method() {
        return request.getMethod();
    }

    String rawPath() {
        String p = request.getHttpURI().getPath();
        return p == null ? "/" : p;
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Scheme and authority of this server as the client reached it (or as configured). */
    String baseUrl() {
        return baseUrl.apply(request);
    }

    String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    void authenticated(Account account) {
        this.account = account;
    }

    Account account() {
        return account;
    }

    long viewer() {
        return account.id();
    }

    /** Depth: 0, 1 or infinity; {@code fallback} when the header is absent. */
    String depth(String fallback) {
        String d = header("Depth");
        if (d == null) {
            return fallback;
        }
        String v = d.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("0") && !v.equals("1") && !v.equals("infinity")) {
            throw DavError.badRequest("Depth must be 0, 1 or infinity, not '" + d + "'");
        }
        return v;
    }

    /** The body, refusing more than {@code max} bytes with {@code tooLarge}. */
    byte[] body(int max, DavError tooLarge) {
        bodyRead = true;
        try {
            return RequestBodies.read(request, max, () -> tooLarge);
        } catch (UncheckedIOException e) {
            throw DavError.badRequest("the request body could not be read");
        }
    }

    /** Before any answer: drop a body nobody read, so the kept-alive connection stays usable. */
    void discardUnreadBody() {
        if (!bodyRead) {
            bodyRead = true;
            RequestBodies.discard(request);
        }
    }

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    boolean committed() {
        return response.isCommitted();
    }

    void send(int status, String contentType, String body) {
        discardUnreadBody();
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = method().equals("HEAD");
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    }

    void sendXml(int status, String xml) {
        send(status, "application/xml; charset=utf-8", xml);
    }

    void failed(Throwable t) {
        callback.failed(t);
    }
}
