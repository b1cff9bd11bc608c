package org.kith.server.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for page tests: keeps cookies, posts forms, finds a page's CSRF token.
 * Follows no redirects, so tests see where each answer sends the visitor.
 */
final class Browser {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String language;
    final CookieManager cookies;
    private final HttpClient client;

    Browser(String base, String language) {
        this(base, language, false);
    }

    /**
     * @param behindTls send back cookies marked Secure although this test talks plain HTTP, as a
     *                  browser does that reaches the server through a TLS-terminating proxy
     */
    Browser(String base, String language, boolean behindTls) {
        this.base = base;
        this.language = language;
        this.cookies = behindTls ? new CookieManager() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return super.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
            }
        } : new CookieManager();
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form as a browser would, with the token of the page it was on unless {@code fields} names one. */
    HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /**
     * Fills in a form of {@code pagePath} and posts it to {@code action}: the page's token plus
     * {@code nameValue} pairs, where a name may repeat (several phone numbers).
     */
    HttpResponse<String> submit(String pagePath, String action, String... nameValue) {
        StringBuilder body = new StringBuilder("csrf=").append(enc(token(pagePath)));
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            body.append('&').append(enc(nameValue[i])).append('=').append(enc(nameValue[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The value of this browser's cookie {@code name}, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The CSRF token in a page this browser loaded. */
    String token(String pagePath) {
        Matcher m = TOKEN.matcher(get(pagePath).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + pagePath);
        }
        return m.group(1);
    }

    /** Fields plus the token taken from {@code pagePath}. */
    Map<String, String> withToken(String pagePath, String... nameValue) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("csrf", token(pagePath));
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            f.put(nameValue[i], nameValue[i + 1]);
        }
        return f;
    }

    /** Signs up through the page and stays signed in. */
    Browser signUp(String username, String name) {
        HttpResponse<String> r = post("/web/signup", withToken("/web/signup", "username", username,
                "displayName", name, "password", "password-123"));
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-up failed: " + r.statusCode() + " " + r.body());
        }
        return this;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        if (language != null) {
            b.header("Accept-Language", language);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
