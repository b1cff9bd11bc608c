package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.PushService;
import org.kith.server.support.TestServer;

/** The devices page lists the phones registered for push, says how to turn push on in DAVx5, and removes one. */
class PushDevicesPageTest {
    @TempDir
    Path dir;

    @Test
    void aRegisteredPhoneIsListedWithItsBookAndCanBeRemoved() throws Exception {
        try (TestServer kith = TestServer.start(dir, "--push-allow-hosts", "127.0.0.1");
             PushService service = PushService.start()) {
            Browser b = new Browser(kith.baseUrl(), "en").signUp("pusher", "Pusher");
            assertThat(b.get("/web/devices").body()).contains("Settings › Push", "No phone has push turned on yet.");
            Http dav = kith.as("pusher");
            String vapid = dav.send("PROPFIND", "/dav/addressbooks/pusher/contacts/", "application/xml",
                    "<d:propfind xmlns:d=\"DAV:\" xmlns:p=\"https://bitfire.at/webdav-push\"><d:prop><p:transports/>"
                            + "</d:prop></d:propfind>", Map.of("Depth", "0")).expect(207).body()
                    .replaceAll("(?s).*p256ecdsa\">([^<]+)<.*", "$1");
            PushService.Subscription s = service.subscribe(vapid);
            dav.send("POST", "/dav/addressbooks/pusher/contacts/", "application/xml", "<push-register xmlns="
                    + "\"https://bitfire.at/webdav-push\"><subscription><web-push-subscription><push-resource>"
                    + s.endpoint() + "</push-resource><subscription-public-key type=\"p256dh\">" + s.p256dh()
                    + "</subscription-public-key><auth-secret>" + s.auth() + "</auth-secret></web-push-subscription>"
                    + "</subscription><expires>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.now(ZoneOffset.UTC).plusDays(3)) + "</expires></push-register>", Map.of()).expect(201);

            String page = b.get("/web/devices").body();
            assertThat(page).contains("Phones with push", "data-push-registration=", "Stop push for Contacts")
                    .doesNotContain(s.endpoint());
            String id = page.replaceAll("(?s).*data-push-registration=\"([A-Za-z0-9_-]+)\".*", "$1");
            HttpResponse<String> removed = b.submit("/web/devices", "/web/devices/push/" + id + "/remove");
            assertThat(removed.statusCode()).isEqualTo(303);
            assertThat(b.get("/web/devices").body()).contains("No phone has push turned on yet.");
            assertThat(dav.get("/api/v1/push-registrations").expect(200).json()).isEmpty();
        }
    }
}
