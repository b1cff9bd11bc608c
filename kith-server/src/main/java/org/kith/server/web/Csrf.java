package org.kith.server.web;

import java.security.SecureRandom;
import java.util.Base64;

import org.kith.core.auth.Secrets;

/**
 * Cross-site request forgery defence: every browser gets a random token in an HttpOnly,
 * SameSite=Lax cookie, every form carries the same token in a hidden field, and a post is
 * accepted only when both agree. Another site can make a browser post, but can neither read
 * the cookie nor set it for Kith's origin, so it cannot supply the matching field. Thread-safe.
 */
final class Csrf {
    static final String COOKIE = "kith_csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    static String newToken() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether a cookie value is one this server could have issued (so it is reused, not replaced). */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 32 && token.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '-' || c == '_');
    }

    static boolean matches(String cookie, String field) {
        if (!wellFormed(cookie) || field == null) {
            return false;
        }
        return Secrets.constantTimeEquals(cookie, field);
    }
}
