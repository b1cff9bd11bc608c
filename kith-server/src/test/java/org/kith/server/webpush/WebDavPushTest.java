package org.kith.server.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kith.server.support.Http;
import org.kith.server.support.PushService;
import org.kith.server.support.TestServer;
import org.kith.server.support.Waits;
import org.kith.server.support.WebPushTesting;

/**
 * WebDAV-Push end to end, on SQLite and PostgreSQL: phones register with DAVx5's own request
 * bodies, Kith pushes through a real Web Push service on loopback, and what arrives there was
 * decrypted and its VAPID token verified by that service (Node's http_ece and crypto), not by Kith.
 */
class WebDavPushTest {
    private static PushService service;
    @TempDir
    Path dir;

    @BeforeAll
    static void startPushService() throws Exception {
        service = PushService.start();
    }

    @AfterAll
    static void stopPushService() {
        service.close();
    }

    private static Http.Reply changeNumber(Http who, String name, String number) {
        return who.put("/api/v1/me/card", Map.of("fn", name, "tel", List.of(Map.of("type", "cell", "value", number))))
                .expect(200);
    }

    private static String book(String user, String gid) {
        return "/dav/addressbooks/" + user + "/group-" + gid + "/";
    }

    @ParameterizedTest
    @EnumSource(Servers.Db.class)
    void aNewNumberReachesAMembersPhoneWithHerSyncToken(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            Phone phone = new Phone(ben, book("ben", gid), service);
            Http.Reply created = phone.register();
            Instant expires = ZonedDateTime.parse(created.header("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(expires).isAfter(Instant.now().plus(Duration.ofDays(3)).minusSeconds(60));
            String before = phone.syncToken();

            changeNumber(ann, "Ann", "13800138009");

            JsonNode push = phone.awaitMessage(1);
            String token = phone.tokenIn(push);
            assertThat(token).isEqualTo(phone.syncToken()).isNotEqualTo(before);
            assertThat(push.get("ttl").asInt()).isEqualTo(86_400);
            assertThat(push.get("urgency").asText()).isEqualTo("normal");
            assertThat(push.get("topic").asText()).isEqualTo(phone.topic);
            assertThat(push.at("/vapid/sub").asText()).isEqualTo("mailto:ops@kith.test");
            assertThat(push.at("/vapid/aud").asText()).isEqualTo(service.baseUrl());
            // what the phone syncs after the push: exactly Ann's new card, up to the pushed token
            String sync = phone.syncFrom(before);
            assertThat(sync).contains("13800138009").contains("<d:sync-token>" + token + "</d:sync-token>");
            assertThat(sync.split("<d:response>", -1)).hasSize(2);
            assertThat(phone.syncFrom(token)).doesNotContain("<d:response>");
            assertThat(service.stats().get("errors")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.Db.class)
    void aBlockedMembersPhoneHearsNothingOfTheBlockersChanges(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            Http cat = kith.register("cat");
            Http dan = kith.register("dan");
            String gid = kith.group("Family", ann, "ben", "cat", "dan");
            ann.put("/api/v1/blocks/ben", Map.of()).expect(204);
            Phone bens = new Phone(ben, book("ben", gid), service);
            Phone bensAll = new Phone(ben, "/dav/addressbooks/ben/all/", service);
            Phone cats = new Phone(cat, book("cat", gid), service);
            bens.register();
            bensAll.register();
            cats.register();
            String before = bens.syncToken();

            changeNumber(ann, "Ann", "13800138001");
            cats.awaitMessage(1);
            changeNumber(dan, "Dan", "13800138002"); // the sentinel: Ben may see this one
            JsonNode sentinel = bens.awaitMessage(1);
            bensAll.awaitMessage(1);
            cats.awaitMessage(2);

            assertThat(bens.messages()).hasSize(1);
            assertThat(bensAll.messages()).hasSize(1);
            assertThat(bens.syncFrom(bens.tokenIn(sentinel))).doesNotContain("<d:response>");
            assertThat(bens.syncFrom(before)).contains("13800138002").doesNotContain("13800138001");
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.Db.class)
    void aMemberRemovedFromAGroupHearsNothingMoreOfItsBook(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            Http cat = kith.register("cat");
            String family = kith.group("Family", ann, "ben");
            kith.group("Chess", cat, "ben");
            Phone group = new Phone(ben, book("ben", family), service);
            Phone all = new Phone(ben, "/dav/addressbooks/ben/all/", service);
            group.register();
            all.register();

            ann.delete("/api/v1/groups/" + family + "/members/ben").expect(204);
            all.awaitMessage(1); // Family's cards left Ben's merged book
            changeNumber(ann, "Ann", "13800138011");
            changeNumber(cat, "Cat", "13800138012"); // the sentinel, from the group Ben is still in
            JsonNode sentinel = all.awaitMessage(2);

            assertThat(all.messages()).hasSize(2);
            assertThat(group.messages()).isEmpty();
            assertThat(all.syncFrom(all.tokenIn(all.messages().get(0)))).contains("13800138012")
                    .doesNotContain("13800138011");
            assertThat(all.tokenIn(sentinel)).isEqualTo(all.syncToken());
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.Db.class)
    void aWriteWithPushDontNotifyIsNotPushedToTheNamedRegistration(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            String contacts = "/dav/addressbooks/ann/contacts/";
            Phone first = new Phone(ann, contacts, service);
            Phone second = new Phone(ann, contacts, service);
            first.register();
            second.register();

            putCard(ann, contacts + "a.vcf", "A", Map.of("Push-Dont-Notify", "\"" + first.registrationUrl + "\""));
            second.awaitMessage(1);
            putCard(ann, contacts + "b.vcf", "B", Map.of("Push-Dont-Notify", "*"));
            putCard(ann, contacts + "c.vcf", "C", Map.of()); // the sentinel
            first.awaitMessage(1);
            second.awaitMessage(2);

            assertThat(first.messages()).hasSize(1);
            assertThat(second.messages()).hasSize(2);
            assertThat(first.tokenIn(first.messages().get(0))).isEqualTo(first.syncToken());
        }
    }

    private static void putCard(Http who, String path, String name, Map<String, String> headers) {
        who.send("PUT", path, "text/vcard; charset=utf-8", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + name
                + "-uid\r\nFN:" + name + "\r\nEND:VCARD\r\n", headers).expect(201);
    }

    @ParameterizedTest
    @EnumSource(Servers.Db.class)
    void aPushServiceThatAnswers404Or410EndsTheRegistration(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            Phone lost = new Phone(ben, book("ben", gid), service);
            Phone stolen = new Phone(ben, "/dav/addressbooks/ben/all/", service);
            lost.register();
            stolen.register();
            assertThat(ben.get("/api/v1/push-registrations").expect(200).json()).hasSize(2);
            service.gone(lost.subscription, 404);
            service.gone(stolen.subscription, 410);

            changeNumber(ann, "Ann", "13800138003");

            Waits.until("both registrations removed", Duration.ofSeconds(20),
                    () -> ben.get("/api/v1/push-registrations").expect(200).json().isEmpty());
            assertThat(lost.messages()).isEmpty();
            ben.send("DELETE", lost.registrationUrl.replaceFirst("^https?://[^/]+", ""), null, null, Map.of()).expect(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.Db.class)
    void aBurstOfFiftyChangesGivesAFewPushes(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            Phone phone = new Phone(ben, book("ben", gid), service);
            phone.register();

            for (int i = 0; i < 50; i++) {
                changeNumber(ann, "Ann", "138001380" + (10 + i));
            }
            String last = phone.syncToken();
            Waits.until("the push of the last change", Duration.ofSeconds(20), () -> {
                List<JsonNode> got = phone.messages();
                return !got.isEmpty() && phone.tokenIn(got.get(got.size() - 1)).equals(last);
            });

            assertThat(phone.messages().size()).isBetween(1, 5);
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.Db.class)
    void renewalKeepsTheRegistrationAndDeleteEndsIt(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            Phone phone = new Phone(ben, book("ben", gid), service);
            phone.register();
            String url = phone.registrationUrl;
            phone.renew();
            assertThat(phone.registrationUrl).isEqualTo(url);
            assertThat(ben.get("/api/v1/push-registrations").expect(200).json()).hasSize(1);
            // with a trigger and content-encoding, as the draft's example: the same push resource, so the same registration
            Http.Reply again = phone.post(Phone.bodyWithTrigger(phone.subscription.endpoint(), phone.subscription.p256dh(),
                    phone.subscription.auth())).expect(201);
            assertThat(again.header("Location")).isEqualTo(url);

            String path = url.replaceFirst("^https?://[^/]+", "");
            ben.send("DELETE", path, null, null, Map.of()).expect(204);
            ben.send("DELETE", path, null, null, Map.of()).expect(404);
            assertThat(ben.get("/api/v1/push-registrations").expect(200).json()).isEmpty();
            changeNumber(ann, "Ann", "13800138004");
            Phone sentinel = new Phone(ben, "/dav/addressbooks/ben/all/", service);
            sentinel.register();
            changeNumber(ann, "Ann", "13800138005");
            sentinel.awaitMessage(1);
            assertThat(phone.messages()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Servers.Db.class, names = "SQLITE")
    void aBusyPushServiceIsTriedAgainUntilItAccepts(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            Phone phone = new Phone(ben, book("ben", gid), service);
            phone.register();
            service.fail(phone.subscription, 429, 503); // with Retry-After: 1

            changeNumber(ann, "Ann", "13800138008");

            JsonNode push = phone.awaitMessage(1);
            assertThat(phone.tokenIn(push)).isEqualTo(phone.syncToken());
            Waits.until("the success recorded", Duration.ofSeconds(10), () -> {
                JsonNode reg = ben.get("/api/v1/push-registrations").expect(200).json().get(0);
                return !reg.get("lastPushAt").isNull() && reg.get("lastError").isNull();
            });
            assertThat(phone.messages()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Servers.Db.class, names = "SQLITE")
    void anExpiredRegistrationGetsNoPushAndIsGone(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer kith = servers.start();
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            Phone old = new Phone(ben, book("ben", gid), service);
            old.register();
            kith.clock().advance(Duration.ofDays(8));
            Phone fresh = new Phone(ben, "/dav/addressbooks/ben/all/", service);
            fresh.register();

            changeNumber(ann, "Ann", "13800138006");
            fresh.awaitMessage(1);

            assertThat(old.messages()).isEmpty();
            JsonNode listed = ben.get("/api/v1/push-registrations").expect(200).json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("book").asText()).isEqualTo("all");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Servers.Db.class, names = "SQLITE")
    void aThirdPartyPushServiceEmulatorAcceptsAndDecryptsKithsPush(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir); WebPushTesting emulator = WebPushTesting.start()) {
            TestServer kith = servers.start("--push-allow-hosts", "localhost");
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            Phone phone = new Phone(ben, book("ben", gid), service);
            WebPushTesting.Subscription s = emulator.subscribe(phone.vapidKey);
            phone.post(Phone.davx5Body(s.endpoint(), s.p256dh(), s.auth(), ZonedDateTime.now().plusDays(3))).expect(201);

            changeNumber(ann, "Ann", "13800138007");

            Waits.until("web-push-testing decrypted the push", Duration.ofSeconds(20), () -> {
                try {
                    return !emulator.messages(s).isEmpty();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(emulator.messages(s).get(0)).contains("<topic>" + phone.topic + "</topic>")
                    .contains("<D:sync-token>" + phone.syncToken() + "</D:sync-token>");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Servers.Db.class, names = "POSTGRES")
    void twoNodesSendExactlyOnePushPerChange(Servers.Db db) throws Exception {
        try (Servers servers = new Servers(db, dir)) {
            TestServer one = servers.start();
            TestServer two = servers.start();
            Http annOnOne = one.register("ann");
            one.register("ben");
            one.register("cat");
            String gid = one.group("Family", annOnOne, "ben", "cat");
            Http annOnTwo = two.as("ann");
            Phone bens = new Phone(two.as("ben"), book("ben", gid), service);
            Phone cats = new Phone(one.as("cat"), book("cat", gid), service);
            bens.register();
            cats.register();

            Set<String> tokens = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                changeNumber(i % 2 == 0 ? annOnOne : annOnTwo, "Ann", "1380013810" + i);
                bens.awaitMessage(i + 1);
                cats.awaitMessage(i + 1);
                tokens.add(bens.tokenIn(bens.messages().get(i)));
            }
            changeNumber(annOnTwo, "Ann", "13800138199"); // the sentinel
            bens.awaitMessage(7);
            cats.awaitMessage(7);

            assertThat(bens.messages()).hasSize(7);
            assertThat(cats.messages()).hasSize(7);
            assertThat(tokens).hasSize(6);
        }
    }
}
