package org.kith.server.webpush;

import org.kith.core.push.PushRegistration;

/**
 * One push message waiting to go to one registration: the plaintext ({@code push-message} XML)
 * and how many attempts were made already.
 */
record Delivery(PushRegistration registration, String topic, byte[] plaintext, int attempt) {
    Delivery retry() {
        return new Delivery(registration, topic, plaintext, attempt + 1);
    }
}
