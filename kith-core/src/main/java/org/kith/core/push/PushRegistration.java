package org.kith.core.push;

import java.time.Instant;

/**
 * One phone's push subscription to one of its owner's address books (WebDAV-Push over Web Push).
 *
 * @param id          the store's key
 * @param publicId    the unguessable name in the registration URL; reveals nothing
 * @param accountId   whose phone it is: only this account sees, renews or removes it
 * @param book        the CardDAV book id in the owner's home ({@code all}, {@code group-12}, {@code contacts})
 * @param pushResource the push service's URL for this subscription (RFC 8030)
 * @param p256dh      the phone's public key, base64url, uncompressed P-256 point (RFC 8291)
 * @param auth        the phone's 16-byte authentication secret, base64url
 * @param pushedSeq   the feed position of the last token pushed (or seen at registration)
 * @param lastPushAt  when the push service last accepted a message, or null
 * @param lastError   what went wrong on the last failed attempt, or null
 */
public record PushRegistration(long id, String publicId, long accountId, String book, String pushResource,
                               String p256dh, String auth, Instant createdAt, Instant expiresAt, long pushedSeq,
                               Instant lastPushAt, String lastError) {}
