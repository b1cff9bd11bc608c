package org.kith.server.webpush;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Push topics: one per viewer and book, stable, unguessable and revealing no account or group id —
 * an HMAC of both under the server's stored topic secret, 16 bytes in base64url (22 characters,
 * so it also fits the Web Push {@code Topic} header). Thread-safe.
 */
final class Topics {
    private final byte[] secret;

    Topics(byte[] secret) {
        this.secret = secret.clone();
    }

    String topic(long viewer, String book) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal((viewer + "/" + book).getBytes(StandardCharsets.UTF_8));
            return P256.b64(Arrays.copyOf(h, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
