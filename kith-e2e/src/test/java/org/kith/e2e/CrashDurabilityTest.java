package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.kith.e2e.support.ServerProcess;
import org.kith.e2e.support.Waits;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.Http;
import org.kith.server.support.TestDatabase;

/**
 * Rule 14: a server killed with kill -9 in the middle of a stream of writes keeps every write it
 * acknowledged, and no half-applied one (an entry without its feed row would be invisible to
 * "changes since"; a card change without its feed row would never reach the other members).
 * Run on each database.
 */
@Databases
class CrashDurabilityTest {
    private static final String PW = "password-123";
    private static final int BEFORE_THE_KILL = 40;

    @Parameter
    Database database;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path tmp = Files.createTempDirectory("kith-crash");
        Path data = tmp.resolve("data");
        List<String> acknowledged = new ArrayList<>();
        ServerProcess server = null;
        try (TestDatabase db = database.create()) {
            server = ServerProcess.start(data, db.url());
            Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                    Map.of("username", "owner", "password", PW, "displayName", "Owner")).expect(201);
            Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                    Map.of("username", "viewer", "password", PW, "displayName", "Viewer")).expect(201);
            Http owner = Http.basic(server.baseUrl(), "owner", PW);
            String gid = owner.post("/api/v1/groups", Map.of("name", "G", "memberLimit", 100000)).expect(201).json()
                    .get("id").asText();
            String inv = owner.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "viewer"))
                    .expect(201).json().get("id").asText();
            Http viewer = Http.basic(server.baseUrl(), "viewer", PW);
            viewer.post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
            String token = viewer.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("syncToken").asText();

            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> writerFailed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get() && i < 100_000; i++) {
                        String name = "Entry " + i;
                        Http.Reply reply;
                        try {
                            reply = owner.post("/api/v1/groups/" + gid + "/entries", Map.of("card", Map.of("fn", name)));
                        } catch (Http.Unreachable connectionLost) {
                            return; // the kill: this write was never acknowledged
                        }
                        // anything but "created" is a failure of its own, not the crash
                        reply.expect(201);
                        synchronized (acknowledged) {
                            acknowledged.add(name);
                        }
                    }
                } catch (Throwable t) {
                    writerFailed.set(t);
                }
            }, "entry-writer");
            writer.start();
            Waits.until(BEFORE_THE_KILL + " acknowledged writes, or the writer's end", Duration.ofSeconds(60),
                    () -> acknowledgedCount(acknowledged) >= BEFORE_THE_KILL || !writer.isAlive());
            server.kill();
            stop.set(true);
            writer.join(30_000);
            assertThat(writer.isAlive()).as("the writer stops once the server is gone").isFalse();
            if (writerFailed.get() != null) {
                throw new AssertionError("the writer failed before the kill", writerFailed.get());
            }
            assertThat(acknowledgedCount(acknowledged)).isGreaterThanOrEqualTo(BEFORE_THE_KILL);

            try (ServerProcess restarted = ServerProcess.start(data, db.url())) {
                Http after = Http.basic(restarted.baseUrl(), "viewer", PW);
                JsonNode book = after.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json();
                List<String> names = book.get("cards").findValuesAsText("fn");
                JsonNode changes = after.get("/api/v1/groups/" + gid + "/changes?since=" + token).expect(200).json();
                List<String> changed = changes.get("updated").findValuesAsText("fn");
                synchronized (acknowledged) {
                    assertThat(names).containsAll(acknowledged);
                    // whatever survived is whole: every entry in the book also arrived through the feed
                    assertThat(changed).containsExactlyInAnyOrderElementsOf(
                            names.stream().filter(n -> n.startsWith("Entry ")).toList());
                }
            }
        } finally {
            if (server != null) {
                server.kill(); // already dead unless the test failed before the kill
            }
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int acknowledgedCount(List<String> acknowledged) {
        synchronized (acknowledged) {
            return acknowledged.size();
        }
    }
}
