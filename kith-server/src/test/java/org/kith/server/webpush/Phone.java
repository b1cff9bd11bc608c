package org.kith.server.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.kith.server.support.Http;
import org.kith.server.support.PushService;
import org.kith.server.support.Waits;

/**
 * One phone running DAVx5 with a push distributor: it reads a book's WebDAV-Push properties,
 * subscribes at the push service with the server's VAPID key, and registers with the exact body
 * DAVx5 builds (PushRegistrationManager.subscribe: push-register › subscription ›
 * web-push-subscription with push-resource, subscription-public-key and auth-secret, then
 * expires three days ahead — no trigger, no content-encoding), serialised as its XML writer does.
 */
final class Phone {
    static final String NS = "https://bitfire.at/webdav-push";
    private static final Pattern TOPIC = Pattern.compile("<push:topic>([^<]*)</push:topic>");
    private static final Pattern VAPID = Pattern.compile("<push:vapid-public-key type=\"p256ecdsa\">([^<]*)<");
    private static final Pattern SYNC_TOKEN = Pattern.compile("<d:sync-token>([^<]*)</d:sync-token>");

    final Http dav;
    final String bookPath;
    final PushService service;
    final String topic;
    final String vapidKey;
    PushService.Subscription subscription;
    String registrationUrl;
    String expires;

    Phone(Http dav, String bookPath, PushService service) {
        this.dav = dav;
        this.bookPath = bookPath;
        this.service = service;
        String props = dav.send("PROPFIND", bookPath, "application/xml; charset=utf-8", """
                <?xml version="1.0" encoding="utf-8"?>
                <d:propfind xmlns:d="DAV:" xmlns:p="https://bitfire.at/webdav-push">
                  <d:prop><p:transports/><p:topic/><p:supported-triggers/><d:sync-token/></d:prop>
                </d:propfind>""", Map.of("Depth", "0")).expect(207).body();
        this.topic = find(TOPIC, props);
        this.vapidKey = find(VAPID, props);
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new AssertionError(p + " not in " + text);
        }
        return m.group(1);
    }

    /** DAVx5's request body, byte for byte as its serializer writes it. */
    static String davx5Body(String pushResource, String p256dh, String auth, ZonedDateTime expires) {
        return "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
                + "<n0:push-register xmlns:n0=\"https://bitfire.at/webdav-push\"><n0:subscription>"
                + "<n0:web-push-subscription><n0:push-resource>" + pushResource + "</n0:push-resource>"
                + "<n0:subscription-public-key type=\"p256dh\">" + p256dh + "</n0:subscription-public-key>"
                + "<n0:auth-secret>" + auth + "</n0:auth-secret></n0:web-push-subscription></n0:subscription>"
                + "<n0:expires>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(expires.withZoneSameInstant(ZoneOffset.UTC))
                + "</n0:expires></n0:push-register>";
    }

    /** A registration with triggers, as the draft's example has it. */
    static String bodyWithTrigger(String pushResource, String p256dh, String auth) {
        return """
                <?xml version="1.0" encoding="utf-8" ?>
                <push-register xmlns="https://bitfire.at/webdav-push" xmlns:D="DAV:">
                  <subscription>
                    <web-push-subscription>
                      <push-resource>%s</push-resource>
                      <content-encoding>aes128gcm</content-encoding>
                      <subscription-public-key type="p256dh">%s</subscription-public-key>
                      <auth-secret>%s</auth-secret>
                    </web-push-subscription>
                  </subscription>
                  <trigger>
                    <content-update><D:depth>infinity</D:depth></content-update>
                    <property-update><D:depth>0</D:depth><D:prop><D:displayname/><D:owner/></D:prop></property-update>
                  </trigger>
                  <expires>Wed, 20 Dec 2023 10:03:31 GMT</expires>
                </push-register>""".formatted(pushResource, p256dh, auth);
    }

    Http.Reply post(String body) {
        return dav.send("POST", bookPath, "application/xml; charset=utf-8", body, Map.of());
    }

    /** Subscribes at the push service and registers as DAVx5 does; returns the 201 answer. */
    Http.Reply register() {
        subscription = service.subscribe(vapidKey);
        return renew();
    }

    /** Registers the same subscription again (DAVx5 renews daily). */
    Http.Reply renew() {
        Http.Reply r = post(davx5Body(subscription.endpoint(), subscription.p256dh(), subscription.auth(),
                ZonedDateTime.now(ZoneOffset.UTC).plusDays(3))).expect(201);
        registrationUrl = r.header("Location");
        expires = r.header("Expires");
        assertThat(registrationUrl).startsWith("http").contains("/dav/push/");
        return r;
    }

    List<JsonNode> messages() {
        return service.messages(subscription);
    }

    /** Waits for the {@code n}-th message and returns it. */
    JsonNode awaitMessage(int n) throws InterruptedException {
        Waits.until("push message " + n + " at " + bookPath, Duration.ofSeconds(20), () -> messages().size() >= n);
        return messages().get(n - 1);
    }

    /** The sync token a push message carries (after checking it names this book's topic). */
    String tokenIn(JsonNode message) {
        String xml = message.get("plaintext").asText();
        assertThat(xml).contains("<push-message xmlns=\"" + NS + "\"").contains("<topic>" + topic + "</topic>");
        Matcher m = Pattern.compile("<D:sync-token>([^<]*)</D:sync-token>").matcher(xml);
        assertThat(m.find()).as("a sync-token in " + xml).isTrue();
        return m.group(1);
    }

    /** The book's current sync token as PROPFIND gives it. */
    String syncToken() {
        return find(SYNC_TOKEN, dav.send("PROPFIND", bookPath, "application/xml", """
                <d:propfind xmlns:d="DAV:"><d:prop><d:sync-token/></d:prop></d:propfind>""", Map.of("Depth", "0"))
                .expect(207).body());
    }

    /** sync-collection from {@code token}: the multistatus body. */
    String syncFrom(String token) {
        return dav.send("REPORT", bookPath, "application/xml", """
                <d:sync-collection xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
                  <d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level>
                  <d:prop><d:getetag/><card:address-data/></d:prop>
                </d:sync-collection>""".formatted(token), Map.of("Depth", "1")).expect(207).body();
    }
}
