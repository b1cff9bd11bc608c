package org.kith.server.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.NotFound;
import org.kith.core.model.Account;
import org.kith.server.http.RequestBodies;

/**
 * One page request: who asks (the signed-in account, if any), in which language, the CSRF token
 * of this browser, the submitted form, and ways to answer. Confined to the request's thread.
 */
final class WebExchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> vars;
    private final List<String> setCookies = new ArrayList<>();
    private Texts texts;
    private String csrf;
    private Account account;
    private String sessionToken;
    private boolean secure;
    private String baseUrl;
    private Form form = Form.empty();
    private Fields query;
    private boolean async;
    private boolean bodyRead;

    WebExchange(Request request, Response response, Callback callback, Map<String, String> vars) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.vars = vars;
    }

    Request request() {
        return request;
    }

    Response response() {
        return response;
    }

    Callback callback() {
        return callback;
    }

    void setup(Texts texts, String csrf, boolean secure, String baseUrl) {
        this.texts = texts;
        this.csrf = csrf;
        this.secure = secure;
        this.baseUrl = baseUrl;
    }

    void signedIn(Account account, String sessionToken) {
        this.account = account;
        this.sessionToken = sessionToken;
    }

    void form(Form form) {
        this.form = form;
    }

    Texts texts() {
        return texts;
    }

    String t(String key, Object... args) {
        return texts.t(key, args);
    }

    String csrf() {
        return csrf;
    }

    /** The signed-in account, or null. */
    Account account() {
        return account;
    }

    long me() {
        return account.id();
    }

    String sessionToken() {
        return sessionToken;
    }

    /** Whether cookies must be marked Secure: the request came over TLS or the public URL is https. */
    boolean secure() {
        return secure;
    }

    /** Where devices reach this server, without a trailing slash. */
    String baseUrl() {
        return baseUrl;
    }

    Form form() {
        return form;
    }

    String path() {
        String p = request.getHttpURI().getPath();
        return p == null ? "/" : p;
    }

    /** The path and query, for coming back here after signing in. */
    String pathAndQuery() {
        String q = request.getHttpURI().getQuery();
        return q == null ? path() : path() + "?" + q;
    }

    String var(String name) {
        return vars.get(name);
    }

    /** A numeric id from the path; anything else names nothing. */
    long id(String name) {
        String v = vars.get(name);
        if (v != null && !v.isEmpty() && v.length() <= 18 && v.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(v);
        }
        throw new NotFound(ErrorCode.PAGE_NOT_FOUND, "no such page");
    }

    /** A query parameter's first value, or "". */
    String query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        }
        String v = query.getValue(name);
        return v == null ? "" : v;
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    String cookie(String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Queues a cookie: HttpOnly, SameSite=Lax, Path=/, Secure when {@link #secure()}; maxAge 0 deletes it. */
    void setCookie(String name, String value, long maxAgeSeconds) {
        setCookies.add(name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    boolean isAsync() {
        return async;
    }

    /** The handler answers on its own from now on (an event stream). */
    void goAsync() {
        writeCookies();
        async = true;
    }

    private void writeCookies() {
        for (String c : setCookies) {
            response.getHeaders().add(HttpHeader.SET_COOKIE, c);
        }
        setCookies.clear();
    }

    void html(int status, Html page) {
        send(status, "text/html; charset=utf-8", ("<!doctype html>\n" + page).getBytes(StandardCharsets.UTF_8));
    }

    /** A bare fragment (for live updates of part of a page). */
    void fragment(Html part) {
        send(200, "text/html; charset=utf-8", part.toString().getBytes(StandardCharsets.UTF_8));
    }

    void json(String json) {
        send(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** See Other: after a form post, and to send visitors where they belong. */
    void redirect(String location) {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        send(303, null, new byte[0]);
    }

    /** A file to save, named {@code fileName} (UTF-8 names are sent RFC 6266 style, with an ASCII fallback). */
    void download(String contentType, String fileName, String asciiFallback, byte[] bytes) {
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiFallback
                + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        send(200, contentType, bytes);
    }

    void send(int status, String contentType, byte[] bytes) {
        if (!bodyRead) { // a body nobody read would make the server drop the kept-alive connection
            bodyRead = true;
            RequestBodies.discard(request);
        }
        writeCookies();
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Reads the request body as a form (POST). */
    void readForm() throws IOException {
        bodyRead = true;
        form = Form.read(request);
    }
}
