package org.kith.core.push;

/**
 * The server's Web Push identity, created once per database and shared by every node.
 *
 * @param publicKey   the VAPID public key: uncompressed P-256 point, base64url (what clients are given)
 * @param privateKey  the VAPID private key: PKCS#8 DER, base64url
 * @param topicSecret a random secret from which each book's push topic is derived, base64url
 */
public record VapidKeys(String publicKey, String privateKey, String topicSecret) {
    @Override
    public String toString() {
        return "VapidKeys[publicKey=" + publicKey + "]"; // never print the secrets
    }
}
