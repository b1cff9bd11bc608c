package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.e2e.support.ServerProcess;

/**
 * Rule 14: a server killed with kill -9 in the middle of a stream of writes keeps every write it
 * acknowledged, and no half-applied one (an entry without its feed row would be invisible to
 * "changes since"; a card change without its feed row would never reach the other members).
 */
class CrashDurabilityTest {
    private static final String PW = "password-123";

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path tmp = Files.createTempDirectory("kith-crash");
        Path data = tmp.resolve("data");
        String gid;
        String token;
        List<String> acknowledged = new ArrayList<>();
        try {
            ServerProcess server = ServerProcess.start(data, null);
            Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                    Map.of("username", "owner", "password", PW, "displayName", "Owner")).expect(201);
            Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                    Map.of("username", "viewer", "password", PW, "displayName", "Viewer")).expect(201);
            Http owner = Http.basic(server.baseUrl(), "owner", PW);
            gid = owner.post("/api/v1/groups", Map.of("name", "G", "memberLimit", 100000)).expect(201).json()
                    .get("id").asText();
            String inv = owner.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "viewer"))
                    .expect(201).json().get("id").asText();
            Http viewer = Http.basic(server.baseUrl(), "viewer", PW);
            viewer.post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
            token = viewer.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("syncToken").asText();

            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get() && i < 100_000; i++) {
                    String name = "Entry " + i;
                    try {
                        var reply = owner.post("/api/v1/groups/" + gid + "/entries", Map.of("card", Map.of("fn", name)));
                        if (reply.status() == 201) {
                            synchronized (acknowledged) {
                                acknowledged.add(name);
                            }
                        }
                    } catch (AssertionError connectionLost) {
                        return;
                    }
                }
            });
            writer.start();
            while (true) {
                synchronized (acknowledged) {
                    if (acknowledged.size() >= 40) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
            server.kill();
            stop.set(true);
            writer.join(30_000);

            try (ServerProcess restarted = ServerProcess.start(data, null)) {
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
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
