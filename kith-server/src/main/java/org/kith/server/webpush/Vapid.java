package org.kith.server.webpush;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kith.core.push.VapidKeys;

/**
 * The server's voluntary application server identification (RFC 8292): an ES256-signed JWT with
 * {@code aud} (the push service's origin), {@code exp} and {@code sub} (a contact URI, from
 * configuration), sent as {@code Authorization: vapid t=…, k=…}. One token per push service is
 * reused until it is within an hour of expiring. Thread-safe.
 */
final class Vapid {
    /** RFC 8292 §2: exp no more than 24 hours ahead. */
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration RENEW_BEFORE = Duration.ofHours(1);

    private final ECPrivateKey privateKey;
    private final String publicKey;
    private final String subject;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String header, Instant expires) {}

    Vapid(VapidKeys keys, String subject) {
        this.privateKey = P256.privateKey(P256.unb64(keys.privateKey()));
        this.publicKey = keys.publicKey();
        this.subject = subject;
    }

    /** A new key pair to store, with a new topic secret. */
    static VapidKeys generate() {
        KeyPair pair = P256.generate();
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return new VapidKeys(P256.b64(P256.encode((ECPublicKey) pair.getPublic())),
                P256.b64(pair.getPrivate().getEncoded()), P256.b64(secret));
    }

    /** The public key as clients get it ({@code vapid-public-key type="p256ecdsa"}). */
    String publicKey() {
        return publicKey;
    }

    /** The Authorization header for a request to {@code endpoint}. */
    String authorization(URI endpoint, Instant now) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        Token t = tokens.get(audience);
        if (t == null || now.plus(RENEW_BEFORE).isAfter(t.expires())) {
            Instant expires = now.plus(LIFETIME);
            t = new Token("vapid t=" + jwt(audience, expires) + ", k=" + publicKey, expires);
            tokens.put(audience, t);
        }
        return t.header();
    }

    private String jwt(String audience, Instant expires) {
        String header = P256.b64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = P256.b64(("{\"aud\":\"" + json(audience) + "\",\"exp\":" + expires.getEpochSecond()
                + ",\"sub\":\"" + json(subject) + "\"}").getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + claims;
        try {
            // JWS wants R || S (64 bytes), which the JDK gives in the P1363 format
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(privateKey);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + P256.b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the VAPID token failed", e);
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
