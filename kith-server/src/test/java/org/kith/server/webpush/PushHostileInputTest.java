package org.kith.server.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.PushService;
import org.kith.server.support.TestServer;

/** Bad and hostile push registrations: each gets a clear refusal and changes nothing. */
class PushHostileInputTest {
    @TempDir
    static Path dir;
    static TestServer kith;
    static PushService service;
    static Http ann;
    static Http ben;
    static String gid;

    @BeforeAll
    static void start() throws Exception {
        service = PushService.start();
        kith = TestServer.start(dir, "--push-allow-hosts", "127.0.0.1");
        ann = kith.register("ann");
        ben = kith.register("ben");
        kith.register("cat");
        gid = kith.group("Family", ann, "ben");
    }

    @AfterAll
    static void stop() throws Exception {
        kith.close();
        service.close();
    }

    private static String book() {
        return "/dav/addressbooks/ben/group-" + gid + "/";
    }

    private static Http.Reply post(Http who, String path, String body) {
        return who.send("POST", path, "application/xml; charset=utf-8", body, Map.of());
    }

    private static String register(String resource, String p256dh, String auth) {
        return Phone.davx5Body(resource, p256dh, auth, ZonedDateTime.now(ZoneOffset.UTC).plusDays(3));
    }

    private static void refused(Http.Reply r, int status, String precondition) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (precondition != null) {
            assertThat(r.body()).contains(precondition);
        }
        assertThat(ben.get("/api/v1/push-registrations").expect(200).json()).as("nothing registered").isEmpty();
    }

    @Test
    void malformedAndOversizedBodiesAreRefused() {
        PushService.Subscription s = service.subscribe("BAAA");
        refused(post(ben, book(), "<push-register"), 400, null);
        refused(post(ben, book(), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><push-register xmlns=\""
                + Phone.NS + "\">&e;</push-register>"), 400, "DOCTYPE");
        refused(post(ben, book(), "<propfind xmlns=\"DAV:\"/>"), 400, "push-register");
        refused(post(ben, book(), register(s.endpoint(), s.p256dh(), s.auth()) + "<!--" + "x".repeat(20_000) + "-->"),
                413, null);
        refused(post(ben, book(), "<push-register xmlns=\"" + Phone.NS + "\"/>"), 403, "invalid-subscription");
        String twice = register(s.endpoint(), s.p256dh(), s.auth()).replace("<n0:subscription>",
                "<n0:subscription><n0:web-push-subscription><n0:push-resource>" + s.endpoint()
                        + "</n0:push-resource></n0:web-push-subscription>");
        refused(post(ben, book(), twice), 403, "invalid-subscription");
    }

    @Test
    void keysThatAreNotKeysAreRefused() {
        PushService.Subscription s = service.subscribe("BAAA");
        byte[] point = P256.unb64(s.p256dh());
        point[64] ^= 1;
        refused(post(ben, book(), register(s.endpoint(), P256.b64(point), s.auth())), 403, "invalid-subscription");
        refused(post(ben, book(), register(s.endpoint(), s.p256dh(), "AAAAAAAA")), 403, "invalid-subscription");
        refused(post(ben, book(), register(s.endpoint(), "not base64 !", s.auth())), 403, "invalid-subscription");
        refused(post(ben, book(), register(s.endpoint(), s.p256dh(), s.auth())
                .replace("<n0:push-resource>", "<n0:content-encoding>aesgcm</n0:content-encoding><n0:push-resource>")),
                403, "invalid-subscription");
        refused(post(ben, book(), register(s.endpoint(), s.p256dh(), s.auth())
                .replace("<n0:expires>", "<n0:trigger/><n0:expires>")), 403, "no-supported-trigger");
        refused(post(ben, book(), register(s.endpoint(), s.p256dh(), s.auth())
                .replaceAll("<n0:expires>[^<]*", "<n0:expires>next week")), 403, "invalid-subscription");
    }

    @Test
    void pushResourcesAtPrivateOrPlainHttpAddressesAreRefused() {
        PushService.Subscription s = service.subscribe("BAAA");
        for (String target : List.of("http://10.1.2.3/push/x", "https://10.1.2.3/push/x", "https://169.254.169.254/latest",
                "https://192.168.1.1/p", "https://172.16.0.1/p", "https://[fd00::1]/p", "https://[::1]/p",
                "https://127.0.0.2/p", "https://0.0.0.0/p", "https://100.64.0.1/p", "http://8.8.8.8/p",
                "https://user@8.8.8.8/p", "ftp://8.8.8.8/p", "not a url", "https:///nohost")) {
            refused(post(ben, book(), register(target, s.p256dh(), s.auth())), 403, "invalid-subscription");
        }
    }

    @Test
    void pushIsRegisteredOnlyOnTheCallersOwnBooks() {
        PushService.Subscription s = service.subscribe("BAAA");
        String body = register(s.endpoint(), s.p256dh(), s.auth());
        refused(post(ben, "/dav/addressbooks/ben/", body), 403, "push-not-available");
        refused(post(ben, "/dav/addressbooks/ann/group-" + gid + "/", body), 404, null);
        refused(post(kith.as("cat"), "/dav/addressbooks/cat/group-" + gid + "/", body), 404, null);
        refused(post(ben, "/dav/addressbooks/ben/group-999999/", body), 404, null);
    }

    @Test
    void unknownAndOtherPeoplesRegistrationUrlsAreNotFoundAndStay() {
        PushService.Subscription s = service.subscribe("BAAA");
        Http.Reply created = post(ann, "/dav/addressbooks/ann/all/", register(s.endpoint(), s.p256dh(), s.auth()))
                .expect(201);
        String path = created.header("Location").replaceFirst("^https?://[^/]+", "");
        String id = path.substring(path.lastIndexOf('/') + 1);
        ben.send("DELETE", path, null, null, Map.of()).expect(404);
        ben.send("DELETE", "/dav/push/AAAAAAAAAAAAAAAAAAAAAA", null, null, Map.of()).expect(404);
        ben.send("DELETE", "/dav/push/..%2F..%2Fetc", null, null, Map.of()).expect(404);
        ben.delete("/api/v1/push-registrations/" + id).expect(404);
        assertThat(ann.get("/api/v1/push-registrations").expect(200).json()).hasSize(1);
        ann.delete("/api/v1/push-registrations/" + id).expect(204);
        assertThat(ann.get("/api/v1/push-registrations").expect(200).json()).isEmpty();
    }
}
