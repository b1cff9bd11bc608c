package org.kith.server.webpush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188):
 * a fresh ECDH key pair and salt per message, HKDF over HMAC-SHA-256, one AES-128-GCM record.
 * Thread-safe.
 */
final class Aes128gcm {
    /** The largest body a push service must accept (RFC 8030 §7.2). */
    static final int MAX_BODY = 4096;
    private static final int HEADER = 16 + 4 + 1 + 65;
    /** What fits in one record of a body of at most {@link #MAX_BODY}: header, delimiter and tag taken off. */
    static final int MAX_PLAINTEXT = MAX_BODY - HEADER - 1 - 16;
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes128gcm() {}

    /**
     * The encrypted body for a subscription.
     * @param uaPublic the subscription's {@code p256dh} key; authSecret its 16-byte {@code auth}
     * @throws IllegalArgumentException if the plaintext does not fit {@link #MAX_PLAINTEXT}
     */
    static byte[] encrypt(byte[] plaintext, ECPublicKey uaPublic, byte[] authSecret) {
        return encrypt(plaintext, uaPublic, authSecret, P256.generate());
    }

    /** @param asKeys a key pair used for this message only */
    static byte[] encrypt(byte[] plaintext, ECPublicKey uaPublic, byte[] authSecret, KeyPair asKeys) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, uaPublic, authSecret, asKeys, salt);
    }

    static byte[] encrypt(byte[] plaintext, ECPublicKey uaPublic, byte[] authSecret, KeyPair asKeys, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push message holds at most " + MAX_PLAINTEXT + " bytes");
        }
        try {
            byte[] uaPoint = P256.encode(uaPublic);
            byte[] asPoint = P256.encode((ECPublicKey) asKeys.getPublic());
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(asKeys.getPrivate());
            ka.doPhase(uaPublic, true);
            byte[] ecdhSecret = ka.generateSecret();
            // RFC 8291 §3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0 || ua || as, 32)
            byte[] keyInfo = concat(KEY_INFO, uaPoint, asPoint);
            byte[] ikm = expand(hmac(authSecret, ecdhSecret), keyInfo, 32);
            byte[] prk = hmac(salt, ikm);
            byte[] cek = expand(prk, CEK_INFO, 16);
            byte[] nonce = expand(prk, NONCE_INFO, 12);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] record = Arrays.copyOf(plaintext, plaintext.length + 1);
            record[plaintext.length] = 2; // the last (and only) record's delimiter, no padding
            byte[] sealed = aes.doFinal(record);
            ByteBuffer body = ByteBuffer.allocate(HEADER + sealed.length);
            body.put(salt).putInt(MAX_BODY).put((byte) asPoint.length).put(asPoint).put(sealed);
            return body.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encrypting a push message failed: " + e.getMessage(), e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** HKDF-Expand for at most one block (RFC 5869): T(1) = HMAC(PRK, info || 0x01). */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
