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
    private Account account;
    private boolean bodyRead;

    DavExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() {
        return request.getMethod();
    }

    String rawPath() {
        String p = request.getHttpURI().getPath();
        return p == null ? "/" : p;
    }

    /** The write's If-Match / If-None-Match, parsed once. */
    org.kith.core.Precondition precondition() {
        return org.kith.server.http.EntityTags.precondition(header("If-Match"), header("If-None-Match"));
    }

    /** Whether If-None-Match names {@code etag}: answer 304. */
    boolean notModified(String etag) {
        return org.kith.server.http.EntityTags.noneMatchFails(header("If-None-Match"), etag);
    }

    String header(String name) {
        return request.getHeaders().get(name);
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
