package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.RawStream;
import org.kith.server.support.SseClient;
import org.kith.server.support.TestServer;
import org.kith.server.support.Waits;

/** {@code GET /events}: push of visible changes, resuming, group events, privacy, and stream hygiene. */
class EventsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous, so a hung stream fails and a slow machine does not: push latency is the benchmark's figure. */
    private static final Duration PUSH = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, "--ping-seconds", "1");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static SseClient stream(Http who, String lastEventId) throws Exception {
        return new SseClient(server.baseUrl() + "/api/v1/events", who.authorization(), lastEventId);
    }

    private static JsonNode data(SseClient.Event e) throws Exception {
        return JSON.readTree(e.data());
    }

    @Test
    void aMembersCardChangeReachesTheOthersStreamWithinTwoSeconds() throws Exception {
        Http amos = server.register("amos");
        Http bela = server.register("bela");
        String gid = server.group("Push", amos, "bela");
        try (SseClient s = stream(bela, null)) {
            var r = s.response();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(r.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            s.awaitLine(PUSH, ": connected"::equals);

            amos.put("/api/v1/me/card", Map.of("fn", "Amos", "tel", List.of(Map.of("type", "cell",
                    "value", "13800138001")))).expect(200);
            SseClient.Event e = s.await("amos's new number", PUSH,
                    ev -> ev.type().equals("card") && ev.data().contains("13800138001"));
            assertThat(e.id()).as("a feed position").matches("[1-9][0-9]*");
            JsonNode d = data(e);
            assertThat(d.get("group").asText()).isEqualTo(gid);
            assertThat(d.get("op").asText()).isEqualTo("updated");
            assertThat(d.get("entry").get("username").asText()).isEqualTo("amos");
            assertThat(d.get("entry").get("card").get("tel").get(0).get("e164").asText()).isEqualTo("+8613800138001");
            assertThat(d.get("entry").get("vcard").asText()).contains("VERSION:3.0");
            assertThat(d.get("uid").asText()).isEqualTo(d.get("entry").get("uid").asText());
            // the token in the event is a valid changes-since token for the group
            bela.get("/api/v1/groups/" + gid + "/changes?since=" + d.get("syncToken").asText()).expect(200);
            s.awaitLine(Duration.ofSeconds(3), ": ping"::equals);
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysWhatWasMissed() throws Exception {
        Http cleo = server.register("cleo");
        Http dina = server.register("dina");
        server.group("Resume", cleo, "dina");
        String lastId;
        try (SseClient s = stream(dina, null)) {
            s.awaitLine(PUSH, ": connected"::equals);
            cleo.put("/api/v1/me/card", Map.of("fn", "Cleo One")).expect(200);
            lastId = s.await("the first change", PUSH, ev -> ev.data().contains("Cleo One")).id();
        }
        cleo.put("/api/v1/me/card", Map.of("fn", "Cleo Two")).expect(200);
        try (SseClient resumed = stream(dina, lastId)) {
            resumed.await("the missed change", PUSH, ev -> ev.type().equals("card") && ev.data().contains("Cleo Two"));
            assertThat(resumed.events()).noneMatch(ev -> ev.data().contains("Cleo One"));
        }
        try (SseClient bogus = stream(dina, "not-a-position")) {
            SseClient.Event e = bogus.await("a resync", PUSH, ev -> ev.type().equals("resync"));
            assertThat(e.data()).isEqualTo("{}");
            assertThat(e.id()).as("a feed position").matches("[1-9][0-9]*");
        }
    }

    @Test
    void joiningAGroupIsAnEventAndItsChangesFollow() throws Exception {
        Http emil = server.register("emil");
        Http fern = server.register("fern");
        String gid = emil.post("/api/v1/groups", Map.of("name", "Later")).expect(201).text("id");
        String inv = emil.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "fern")).expect(201)
                .text("id");
        try (SseClient s = stream(fern, null)) {
            s.awaitLine(PUSH, ": connected"::equals);
            fern.post("/api/v1/invitations/" + inv + "/accept", null).expect(200);
            JsonNode added = data(s.await("joined", PUSH, ev -> ev.type().equals("group")
                    && ev.data().contains("\"added\"")));
            assertThat(added.get("group").asText()).isEqualTo(gid);
            assertThat(added.get("name").asText()).isEqualTo("Later");
            // "added" tells the client to fetch the group's phonebook, where emil's card is
            assertThat(fern.get("/api/v1/groups/" + gid + "/phonebook").json().get("cards")
                    .findValuesAsText("username")).contains("emil");

            // the stream now follows the new group: a change there reaches it
            emil.put("/api/v1/me/card", Map.of("fn", "Emil Changed")).expect(200);
            s.await("emil's change in the new group", PUSH, ev -> ev.data().contains("Emil Changed"));

            emil.delete("/api/v1/groups/" + gid + "/members/fern").expect(204);
            JsonNode removed = data(s.await("removed", PUSH, ev -> ev.type().equals("group")
                    && ev.data().contains("\"removed\"")));
            assertThat(removed.get("group").asText()).isEqualTo(gid);
        }
    }

    @Test
    void aBlockRemovesTheCardAndLaterChangesStayHidden() throws Exception {
        Http gina = server.register("gina");
        Http hugo = server.register("hugo");
        server.group("One", gina, "hugo");
        server.group("Two", gina, "hugo");
        try (SseClient s = stream(hugo, null)) {
            s.awaitLine(PUSH, ": connected"::equals);
            gina.put("/api/v1/blocks/hugo", null).expect(204);
            s.await("gina's card removed from both groups", PUSH,
                    ev -> ev.type().equals("card") && ev.id() != null && ev.data().contains("\"removed\""));
            List<SseClient.Event> removals = s.events().stream().filter(ev -> ev.data().contains("\"removed\"")).toList();
            assertThat(removals).hasSize(2);
            // both removals share one feed position: only the last carries the id
            assertThat(removals.get(0).id()).isNull();
            assertThat(removals.get(1).id()).as("a feed position").matches("[1-9][0-9]*");

            gina.put("/api/v1/me/card", Map.of("fn", "Gina Secret")).expect(200);
            Http ivan = server.register("ivan");
            server.group("Control", hugo, "ivan");
            ivan.put("/api/v1/me/card", Map.of("fn", "Ivan Visible")).expect(200);
            s.await("a later visible change", PUSH, ev -> ev.data().contains("Ivan Visible"));
            assertThat(s.events()).noneMatch(ev -> ev.data().contains("Gina Secret"));
        }
    }

    /**
     * A closed idle connection shows only when the server next writes to it; this server pings
     * every second (by default every 15 s), so the stream goes within two pings.
     */
    @Test
    void disconnectedStreamsAreRemoved() throws Exception {
        Http jan = server.register("jan");
        long id = jan.get("/api/v1/accounts/me").json().get("id").asLong();
        SseClient s = stream(jan, null);
        s.awaitLine(PUSH, ": connected"::equals);
        assertThat(server.server().hub().openStreams(id)).isEqualTo(1);
        s.close();
        Waits.until("the stream to be dropped", Duration.ofSeconds(5), () -> server.server().hub().openStreams(id) == 0);
    }

    @Test
    void manyIdleStreamsHoldNoThreadsAndAllGetTheChange() throws Exception {
        Http kurt = server.register("kurt");
        Http lena = server.register("lena");
        server.group("Crowd", kurt, "lena");
        // More streams than the server has threads (200 on Java 17): each must cost none while idle.
        List<RawStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                streams.add(new RawStream(server.server().port(), lena.authorization(), 0));
            }
            for (RawStream s : streams) {
                assertThat(s.awaitText(": connected", Duration.ofSeconds(5))).isTrue();
            }
            kurt.put("/api/v1/me/card", Map.of("fn", "Kurt", "tel", List.of(Map.of("type", "cell",
                    "value", "13800138002")))).expect(200);
            long deadline = System.nanoTime() + PUSH.toNanos();
            for (RawStream s : streams) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                assertThat(s.awaitText("13800138002", Duration.ofMillis(left))).as("every stream gets the change").isTrue();
            }
        } finally {
            for (RawStream s : streams) {
                s.close();
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutHoldingUpOthers() throws Exception {
        Http mona = server.register("mona");
        Http nils = server.register("nils");
        Http olaf = server.register("olaf");
        server.group("Photos", mona, "nils", "olaf");
        long nilsId = nils.get("/api/v1/accounts/me").json().get("id").asLong();
        try (RawStream stuck = new RawStream(server.server().port(), nils.authorization(), 4096);
             SseClient reading = stream(olaf, null)) {
            assertThat(stuck.awaitText(": connected", PUSH)).isTrue();
            reading.awaitLine(PUSH, ": connected"::equals);
            Random random = new Random(1);
            assertThat(server.server().hub().openStreams(nilsId)).isEqualTo(1);
            for (int i = 0; i < 40 && server.server().hub().openStreams(nilsId) > 0; i++) {
                byte[] png = new byte[200 * 1024];
                random.nextBytes(png);
                System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, png, 0, 8);
                String photo = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
                mona.put("/api/v1/me/card", Map.of("fn", "Mona " + i, "photo", photo)).expect(200);
                int n = i;
                reading.await("change " + i + " on the reading stream", PUSH, ev -> ev.data().contains("Mona " + n));
            }
            Waits.until("the stuck stream to be dropped", Duration.ofSeconds(5),
                    () -> server.server().hub().openStreams(nilsId) == 0);
        }
    }
}
