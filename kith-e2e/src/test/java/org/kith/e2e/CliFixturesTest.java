package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.SseClient;
import org.kith.server.support.TestServer;

/**
 * The kith CLI's unit tests answer it with canned JSON (kith-cli/src/test/resources/api). Each
 * fixture is held against what a real server sends for the same request: every field a fixture
 * has, the server sends too, with the same JSON type; ETags are quoted and times are ISO-8601 on
 * both sides; problems have the server's {@code type}, {@code title}, {@code status} and {@code code}. A fixture the CLI
 * tests rely on but the server would never send fails here, not on a user's machine.
 */
class CliFixturesTest {
    private static final Path FIXTURES = Path.of("..", "kith-cli", "src", "test", "resources", "api");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestServer server;
    /** Fixture file → the real answer it stands for. */
    static final Map<String, Supplier<JsonNode>> REAL = new LinkedHashMap<>();

    @BeforeAll
    static void captureTheServersAnswers() throws Exception {
        server = TestServer.start(dir);
        Http alice = server.register("alice");
        Http bob = server.register("bob");
        alice.put("/api/v1/me/card", Map.of("fn", "Alice Wang", "n", Map.of("family", "Wang", "given", "Alice"),
                "tel", List.of(Map.of("type", "cell", "value", "138 0013 8000")),
                "email", List.of(Map.of("type", "home", "value", "alice@example.org")),
                "org", "Kith", "title", "Engineer")).expect(200);
        String gid = alice.post("/api/v1/groups", Map.of("name", "大学同学", "description", "Class of 2010",
                "memberLimit", 10)).expect(201).text("id");
        String inv = alice.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "bob")).expect(201).text("id");
        bob.post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
        String entry = alice.post("/api/v1/groups/" + gid + "/entries", Map.of("card", Map.of("fn", "Grandma")))
                .expect(201).text("id");
        JsonNode card = alice.get("/api/v1/me/card").expect(200).json();
        JsonNode phonebook = bob.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json();
        String token = phonebook.get("syncToken").asText();

        JsonNode event;
        try (SseClient stream = new SseClient(server.baseUrl() + "/api/v1/events", bob.authorization(), null)) {
            stream.awaitLine(Duration.ofSeconds(10), ": connected"::equals);
            alice.put("/api/v1/me/card", Map.of("fn", "Alice Wang", "tel", List.of(Map.of("type", "cell",
                    "value", "13111111111")))).expect(200);
            event = JSON.readTree(stream.await("alice's change", Duration.ofSeconds(10),
                    e -> e.type().equals("card") && e.data().contains("13111111111")).data());
        }
        alice.delete("/api/v1/groups/" + gid + "/entries/" + entry).expect(204);
        JsonNode changes = bob.get("/api/v1/groups/" + gid + "/changes?since=" + token).expect(200).json();
        assertThat(changes.get("updated")).as("the capture has an update").isNotEmpty();
        assertThat(changes.get("removed")).as("and a removal").isNotEmpty();
        String current = changes.get("syncToken").asText();
        JsonNode noChanges = bob.get("/api/v1/groups/" + gid + "/changes?since=" + current).expect(200).json();
        JsonNode link = alice.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 5,
                "expiresInHours", 48)).expect(201).json();

        REAL.put("card.json", () -> card);
        REAL.put("changes-12-since-100.json", () -> changes);
        REAL.put("changes-12-since-100-alice.json", () -> changes);
        REAL.put("changes-12-since-100-none.json", () -> noChanges);
        REAL.put("changes-7-since-50.json", () -> noChanges);
        REAL.put("event-card-updated.json", () -> event);
        REAL.put("group-12.json", () -> bob.get("/api/v1/groups/" + gid).expect(200).json());
        REAL.put("groups.json", () -> bob.get("/api/v1/groups").expect(200).json());
        REAL.put("groups-only-12.json", () -> bob.get("/api/v1/groups").expect(200).json());
        REAL.put("invalid-tel.json", () -> alice.put("/api/v1/me/card", Map.of("fn", "Alice Wang",
                "tel", List.of(Map.of("type", "cell", "value", "12")))).expect(422).json());
        REAL.put("link-invitation.json", () -> link);
        REAL.put("phonebook-12.json", () -> phonebook);
        REAL.put("phonebook-12-after-resync.json", () -> phonebook);
        REAL.put("phonebook-7.json", () -> phonebook);
        // a token from beyond the feed's end: "too old" (the fixture's case); garbage would be "invalid"
        REAL.put("resync-required.json", () -> bob.get("/api/v1/groups/" + gid + "/changes?since=999999999")
                .expect(410).json());
        REAL.put("session.json", () -> server.anonymous().post("/api/v1/sessions", Map.of("username", "bob",
                "password", TestServer.PASSWORD)).expect(201).json());
        REAL.put("group-not-found.json", () -> bob.get("/api/v1/groups/999999/changes?since=" + current).expect(404).json());
        REAL.put("route-not-found.json", () -> bob.get("/api/v1/no-such-endpoint").expect(404).json());
        // the CLI signs in with a token: a refused one is what it meets
        REAL.put("unauthorized.json", () -> Http.bearer(server.baseUrl(), "no-such-token")
                .get("/api/v1/groups").expect(401).json());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyFixtureHasTheShapeOfTheServersAnswer() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(FIXTURES)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("every fixture is held against a real answer").containsExactlyInAnyOrderElementsOf(REAL.keySet());
        Map<String, List<String>> differences = new TreeMap<>();
        for (String file : files) {
            List<String> found = new ArrayList<>();
            JsonNode fixture = JSON.readTree(FIXTURES.resolve(file).toFile());
            JsonNode real = REAL.get(file).get();
            compare("", fixture, real, found);
            if (fixture.has("type") && fixture.has("status")) { // a problem: its kind must be the server's
                for (String member : List.of("type", "title", "status", "code")) {
                    if (fixture.has(member) != real.has(member) || fixture.has(member)
                            && !fixture.get(member).equals(real.get(member))) {
                        found.add("problem " + member + " " + fixture.get(member) + ", the server sends " + real.get(member));
                    }
                }
            }
            if (!found.isEmpty()) {
                differences.put(file, found);
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Collects where {@code fixture} has something {@code real} does not; null matches anything. */
    private static void compare(String at, JsonNode fixture, JsonNode real, List<String> found) {
        if (fixture.isNull() || real.isNull()) {
            return;
        }
        if (fixture.getNodeType() != real.getNodeType()) {
            found.add(at + ": " + fixture.getNodeType() + " in the fixture, " + real.getNodeType() + " from the server");
        } else if (fixture.isObject()) {
            fixture.fields().forEachRemaining(f -> {
                if (!real.has(f.getKey())) {
                    found.add(at + "." + f.getKey() + ": the server never sends it");
                } else {
                    compare(at + "." + f.getKey(), f.getValue(), real.get(f.getKey()), found);
                }
            });
        } else if (fixture.isArray()) {
            for (int i = 0; i < fixture.size(); i++) {
                compareElement(at + "[" + i + "]", fixture.get(i), real, found);
            }
        } else if (fixture.isTextual() && kind(fixture.asText()) != kind(real.asText())) {
            found.add(at + ": " + fixture + " is " + kind(fixture.asText()) + ", the server's " + real + " is "
                    + kind(real.asText()));
        }
    }

    /** An array element must have the shape of at least one element the server sent. */
    private static void compareElement(String at, JsonNode element, JsonNode realArray, List<String> found) {
        if (realArray.isEmpty()) {
            found.add(at + ": the server's answer has no element to compare with");
            return;
        }
        List<String> closest = null;
        for (JsonNode candidate : realArray) {
            List<String> mine = new ArrayList<>();
            compare(at, element, candidate, mine);
            if (mine.isEmpty()) {
                return;
            }
            if (closest == null || mine.size() < closest.size()) {
                closest = mine;
            }
        }
        found.addAll(closest);
    }

    private enum Kind { QUOTED, TIME, TEXT }

    /** Strings whose form is part of the contract: quoted ETags and ISO-8601 times. */
    private static Kind kind(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return Kind.QUOTED;
        }
        try {
            OffsetDateTime.parse(s);
            return Kind.TIME;
        } catch (DateTimeParseException e) {
            return Kind.TEXT;
        }
    }
}
