package org.kith.server.web;

import java.nio.charset.StandardCharsets;

import org.kith.core.error.ErrorCode;
import org.kith.core.model.Account;
import org.kith.server.http.Exchange;

/**
 * The web UI's side of one request: who visits (the signed-in account, if any), in which
 * language, this browser's CSRF token, the submitted form, and the page answers. The request
 * itself is the kernel's {@link Exchange} ({@link #http()}). Confined to the request's thread.
 */
final class Visit {
    private final Exchange http;
    private final Texts texts;
    private final String csrf;
    private final boolean secure;
    private final String baseUrl;
    private Account account;
    private String sessionToken;
    private Form form = Form.empty();

    Visit(Exchange http, Texts texts, String csrf, boolean secure, String baseUrl) {
        this.http = http;
        this.texts = texts;
        this.csrf = csrf;
        this.secure = secure;
        this.baseUrl = baseUrl;
    }

    /** A page handler. */
    @FunctionalInterface
    interface Handler {
        void handle(Visit visit) throws Exception;
    }

    Exchange http() {
        return http;
    }

    /** A numeric id from the path; anything else names no page. */
    long id(String var) {
        return http.id(var, "page", ErrorCode.PAGE_NOT_FOUND);
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

    /** Where devices reach this server, without a trailing slash. */
    String baseUrl() {
        return baseUrl;
    }

    Form form() {
        return form;
    }

    /** Sets a cookie: HttpOnly, SameSite=Lax, Path=/, Secure over TLS or an https public URL; maxAge 0 deletes it. */
    void setCookie(String name, String value, long maxAgeSeconds) {
        http.addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    void html(int status, Html page) {
        http.send(status, "text/html; charset=utf-8", ("<!doctype html>\n" + page).getBytes(StandardCharsets.UTF_8));
    }

    /** A bare fragment (for live updates of part of a page). */
    void fragment(Html part) {
        http.send(200, "text/html; charset=utf-8", part.toString());
    }
}
