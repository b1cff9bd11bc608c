package org.kith.server.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.TestServer;

/** What a client finds before registering: the DAV header, and transports, topic and triggers on the home and every book. */
class PushDiscoveryTest {
    @TempDir
    Path dir;

    private static final String ASK = """
            <d:propfind xmlns:d="DAV:" xmlns:p="https://bitfire.at/webdav-push">
              <d:prop><p:transports/><p:topic/><p:supported-triggers/></d:prop>
            </d:propfind>""";

    @Test
    void theHomeAndEveryBookAdvertiseWebPushWithTheirOwnTopic() throws Exception {
        try (TestServer kith = TestServer.start(dir)) {
            Http ann = kith.register("ann");
            Http ben = kith.register("ben");
            String gid = kith.group("Family", ann, "ben");
            assertThat(ann.send("OPTIONS", "/dav/", null, null, Map.of()).expect(200).header("DAV")).contains("webdav-push");

            String home = ann.send("PROPFIND", "/dav/addressbooks/ann/", "application/xml", ASK, Map.of("Depth", "1"))
                    .expect(207).body();
            Matcher m = Pattern.compile("<push:topic>([^<]+)</push:topic>").matcher(home);
            Set<String> topics = new HashSet<>();
            int n = 0;
            while (m.find()) {
                topics.add(m.group(1));
                n++;
            }
            assertThat(n).as("home, all, me, group-" + gid + ", contacts").isEqualTo(5);
            assertThat(topics).hasSize(5).allMatch(t -> t.matches("[A-Za-z0-9_-]{22}")); // 16 bytes of an HMAC: no id in it
            assertThat(home).contains("<push:vapid-public-key type=\"p256ecdsa\">B")
                    .contains("<push:content-update><d:depth>1</d:depth></push:content-update>")
                    .contains("<push:property-update><d:depth>0</d:depth></push:property-update>");
            String key = home.replaceAll("(?s).*p256ecdsa\">([^<]+)<.*", "$1");
            assertThat(P256.unb64(key)).hasSize(65);

            String bens = ben.send("PROPFIND", "/dav/addressbooks/ben/group-" + gid + "/", "application/xml", ASK,
                    Map.of("Depth", "0")).expect(207).body();
            String bensTopic = bens.replaceAll("(?s).*<push:topic>([^<]+)</push:topic>.*", "$1");
            assertThat(topics).as("the same group's book is another topic for another viewer").doesNotContain(bensTopic);
            assertThat(bens).contains("p256ecdsa\">" + key + "<"); // one key for the server
            String allprop = ben.send("PROPFIND", "/dav/addressbooks/ben/all/", "application/xml",
                    "<d:propfind xmlns:d=\"DAV:\"><d:allprop/></d:propfind>", Map.of("Depth", "0")).expect(207).body();
            assertThat(allprop).doesNotContain("push:topic");
        }
        // a restart keeps the key: it lives in the database
    }

    @Test
    void theVapidKeyAndTopicsSurviveARestart() throws Exception {
        String before;
        String after;
        try (TestServer kith = TestServer.start(dir)) {
            before = kith.register("ann").send("PROPFIND", "/dav/addressbooks/ann/all/", "application/xml", ASK,
                    Map.of("Depth", "0")).expect(207).body();
        }
        try (TestServer kith = TestServer.start(dir)) {
            after = kith.as("ann").send("PROPFIND", "/dav/addressbooks/ann/all/", "application/xml", ASK,
                    Map.of("Depth", "0")).expect(207).body();
        }
        assertThat(after).isEqualTo(before).contains("p256ecdsa");
    }
}
