package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.kith.e2e.support.EventStream;
import org.kith.e2e.support.ServerProcess;
import org.kith.e2e.support.Waits;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.Http;
import org.kith.server.support.TestDatabase;

/**
 * The REST surface's authorization and input rules, tried as outsiders, removed and blocked
 * members and with other users' ids, plus hostile and malformed input: each refused with the
 * right status and a problem naming the field, and nothing changed. Run on each database.
 */
@Databases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRulesTest {
    private static final String PW = "password-123";
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    @Parameter
    Database db;
    private Path tmp;
    private TestDatabase database;
    private ServerProcess server;
    private String gid;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        tmp = Files.createTempDirectory("kith-api-rules");
        database = db.create();
        server = ServerProcess.start(tmp.resolve("data"), database.url());
        for (String u : List.of("owner", "member", "outsider", "removed", "blocked")) {
            Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                    Map.of("username", u, "password", PW, "displayName", u.toUpperCase())).expect(201);
        }
        gid = as("owner").post("/api/v1/groups", Map.of("name", "Club", "memberLimit", 10)).expect(201).json()
                .get("id").asText();
        for (String u : List.of("member", "removed", "blocked")) {
            String inv = as("owner").post("/api/v1/groups/" + gid + "/invitations", Map.of("username", u)).expect(201)
                    .json().get("id").asText();
            as(u).post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
        }
        as("owner").delete("/api/v1/groups/" + gid + "/members/removed").expect(204);
        as("member").put("/api/v1/blocks/blocked", Map.of()).expect(204);
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        server.close();
        database.close();
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Http as(String user) {
        return Http.basic(server.baseUrl(), user, PW);
    }

    private JsonNode phonebook(String user) {
        return as(user).get("/api/v1/groups/" + gid + "/phonebook").expect(200).json();
    }

    @Test
    void outsidersAndRemovedMembersFindNoGroupOnAnyEndpoint() {
        String g = "/api/v1/groups/" + gid;
        String before = phonebook("owner").toString();
        for (String who : List.of("outsider", "removed")) {
            Http api = as(who);
            assertThat(api.get(g).status()).isEqualTo(404);
            assertThat(api.patch(g, Map.of("name", "mine")).status()).isEqualTo(404);
            assertThat(api.delete(g).status()).isEqualTo(404);
            assertThat(api.get(g + "/members").status()).isEqualTo(404);
            assertThat(api.delete(g + "/members/member").status()).isEqualTo(404);
            assertThat(api.post(g + "/owner", Map.of("username", who)).status()).isEqualTo(404);
            assertThat(api.get(g + "/entries").status()).isEqualTo(404);
            assertThat(api.post(g + "/entries", Map.of("card", Map.of("fn", "X"))).status()).isEqualTo(404);
            assertThat(api.get(g + "/invitations").status()).isEqualTo(404);
            assertThat(api.post(g + "/invitations", Map.of("maxUses", 5)).status()).isEqualTo(404);
            assertThat(api.get(g + "/phonebook").status()).isEqualTo(404);
            assertThat(api.get(g + "/changes?since=1").status()).isEqualTo(404);
            assertThat(api.get(g).json().get("detail").asText()).doesNotContain("Club");
            assertThat(api.get("/api/v1/groups").expect(200).json()).isEmpty();
        }
        // a group id that does not exist answers exactly like one that is hidden
        assertThat(as("outsider").get("/api/v1/groups/999999").json().get("detail").asText())
                .isEqualTo(as("outsider").get(g).json().get("detail").asText());
        assertThat(phonebook("owner").toString()).isEqualTo(before);
    }

    @Test
    void membersCannotManageTheGroup() {
        String g = "/api/v1/groups/" + gid;
        Http member = as("member");
        assertThat(member.patch(g, Map.of("name", "mine")).status()).isEqualTo(403);
        assertThat(member.delete(g).status()).isEqualTo(403);
        assertThat(member.delete(g + "/members/blocked").status()).isEqualTo(403);
        assertThat(member.post(g + "/entries", Map.of("card", Map.of("fn", "X"))).status()).isEqualTo(403);
        assertThat(member.post(g + "/owner", Map.of("username", "member")).status()).isEqualTo(403);
        assertThat(as("owner").get(g).expect(200).json().get("name").asText()).isEqualTo("Club");
    }

    @Test
    void aBlockedMemberSeesNoTraceOfTheBlocker() {
        JsonNode book = phonebook("blocked");
        assertThat(book.toString()).doesNotContain("MEMBER").doesNotContain("\"member\"");
        JsonNode members = as("blocked").get("/api/v1/groups/" + gid + "/members").expect(200).json();
        assertThat(members.findValuesAsText("username")).containsExactlyInAnyOrder("owner", "blocked");
        assertThat(as("blocked").get("/api/v1/blocks").expect(200).json()).isEmpty();
        assertThat(as("member").get("/api/v1/blocks").expect(200).json().findValuesAsText("username"))
                .containsExactly("blocked");
        assertThat(phonebook("owner").toString()).contains("MEMBER");
    }

    @Test
    void otherUsersIdsLeadNowhere() {
        String appPassword = as("member").post("/api/v1/app-passwords", Map.of("name", "phone")).expect(201).json()
                .get("id").asText();
        assertThat(as("outsider").delete("/api/v1/app-passwords/" + appPassword).status()).isEqualTo(404);
        assertThat(as("member").get("/api/v1/app-passwords").json()).hasSize(1);
        String inv = as("owner").post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "outsider"))
                .expect(201).json().get("id").asText();
        assertThat(as("member").post("/api/v1/invitations/" + inv + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(as("member").post("/api/v1/invitations/" + inv + "/decline", Map.of()).status()).isEqualTo(404);
        assertThat(as("outsider").get("/api/v1/invitations").json().findValuesAsText("id")).contains(inv);
        as("owner").delete("/api/v1/groups/" + gid + "/invitations/" + inv).expect(204);
        assertThat(as("outsider").get("/api/v1/invitations").json()).isEmpty();
        assertThat(as("owner").get("/api/v1/groups/abc").status()).isEqualTo(404);
    }

    @Test
    void credentialsAreCheckedAndAppPasswordsCanBeRevoked() {
        assertThat(Http.anonymous(server.baseUrl()).get("/api/v1/groups").status()).isEqualTo(401);
        assertThat(Http.basic(server.baseUrl(), "owner", "wrong-password").get("/api/v1/groups").header("WWW-Authenticate"))
                .startsWith("Basic");
        JsonNode created = as("owner").post("/api/v1/app-passwords", Map.of("name", "iPhone")).expect(201).json();
        Http phone = Http.basic(server.baseUrl(), "owner", created.get("password").asText());
        phone.get("/api/v1/groups").expect(200);
        JsonNode listed = as("owner").get("/api/v1/app-passwords").expect(200).json();
        assertThat(listed).hasSize(1);
        assertThat(java.time.OffsetDateTime.parse(listed.get(0).get("lastUsedAt").asText()))
                .as("the phone's use is recorded").isAfterOrEqualTo(java.time.OffsetDateTime.parse(
                        listed.get(0).get("createdAt").asText()));
        as("owner").delete("/api/v1/app-passwords/" + created.get("id").asText()).expect(204);
        assertThat(phone.get("/api/v1/groups").status()).isEqualTo(401);
        String token = Http.anonymous(server.baseUrl()).post("/api/v1/sessions", Map.of("username", "OWNER",
                "password", PW)).expect(201).json().get("token").asText();
        Http bearer = Http.anonymous(server.baseUrl());
        assertThat(bearer.send("GET", "/api/v1/accounts/me", null, null, Map.of("Authorization", "Bearer " + token))
                .json().get("username").asText()).isEqualTo("owner");
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                Map.of("username", "target", "password", PW, "displayName", "T")).expect(201);
        int status = 0;
        for (int i = 0; i < 12; i++) {
            status = Http.basic(server.baseUrl(), "target", "guess-" + i).get("/api/v1/groups").status();
        }
        assertThat(status).isEqualTo(429);
        var reply = Http.basic(server.baseUrl(), "target", PW).get("/api/v1/groups");
        assertThat(reply.status()).isEqualTo(429);
        // the oldest of the failures leaves the 15-minute window in at most 900 s
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 900);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        Http owner = as("owner");
        String card = owner.get("/api/v1/me/card").expect(200).body();
        String etag = owner.get("/api/v1/me/card").header("ETag");

        assertProblem(owner.send("PUT", "/api/v1/me/card", "application/json", "{\"fn\": ", Map.of()), 400, null);
        assertProblem(owner.put("/api/v1/me/card", Map.of("fn", 42)), 422, "fn");
        assertProblem(owner.put("/api/v1/me/card", Map.of("fn", " ")), 422, "fn");
        assertProblem(owner.put("/api/v1/me/card", Map.of("fn", "O", "tel", List.of(Map.of("type", "cell",
                "value", "12345")))), 422, "tel[0].value");
        assertProblem(owner.put("/api/v1/me/card", Map.of("fn", "O", "tel", "13800138000")), 422, "tel");
        String bigPhoto = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(new byte[300 * 1024]);
        assertProblem(owner.put("/api/v1/me/card", Map.of("fn", "O", "photo", bigPhoto)), 413, "photo");
        assertProblem(owner.send("PUT", "/api/v1/me/card", "application/json", "{\"fn\":\"" + "x".repeat(1_100_000)
                + "\"}", Map.of()), 413, null);
        assertProblem(owner.send("PUT", "/api/v1/me/card", "text/vcard", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\n",
                Map.of()), 400, "vcard");
        assertProblem(owner.send("PUT", "/api/v1/me/card", "application/xml", "<card/>", Map.of()), 415, null);
        assertProblem(owner.send("PUT", "/api/v1/me/card", "application/json", "{\"fn\":\"Stale\"}",
                Map.of("If-Match", "\"not-the-etag\"")), 412, null);
        assertThat(owner.get("/api/v1/me/card").body()).isEqualTo(card);
        assertThat(owner.get("/api/v1/me/card").header("ETag")).isEqualTo(etag);

        assertProblem(owner.post("/api/v1/groups", Map.of("name", "")), 422, "name");
        assertProblem(owner.post("/api/v1/groups", Map.of("name", "G", "memberLimit", 0)), 422, "memberLimit");
        assertProblem(owner.post("/api/v1/groups", Map.of("name", "G", "memberLimit", "ten")), 422, "memberLimit");
        assertProblem(Http.anonymous(server.baseUrl()).post("/api/v1/accounts", Map.of("username", "a b",
                "password", PW, "displayName", "X")), 422, "username");
        assertProblem(Http.anonymous(server.baseUrl()).post("/api/v1/accounts", Map.of("username", "OWNER",
                "password", PW, "displayName", "X")), 409, "username");
        assertProblem(owner.get("/api/v1/groups/" + gid + "/changes?since=garbage"), 410, null);
        assertThat(owner.get("/api/v1/groups").json()).hasSize(1);
    }

    @Test
    void usedUpAndRevokedInvitationCodesAreGone() {
        Http.anonymous(server.baseUrl()).post("/api/v1/accounts", Map.of("username", "late1", "password", PW,
                "displayName", "L1")).expect(201);
        Http.anonymous(server.baseUrl()).post("/api/v1/accounts", Map.of("username", "late2", "password", PW,
                "displayName", "L2")).expect(201);
        JsonNode link = as("owner").post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 1,
                "expiresInHours", 1)).expect(201).json();
        assertThat(link.get("url").asText()).endsWith("/join/" + link.get("code").asText());
        as("late1").post("/api/v1/invitations/redeem", Map.of("code", link.get("code").asText())).expect(200);
        assertProblem(as("late2").post("/api/v1/invitations/redeem", Map.of("code", link.get("code").asText())), 410, null);
        assertProblem(as("late2").post("/api/v1/invitations/redeem", Map.of("code", "no-such-code")), 404, "code");
        JsonNode revoked = as("owner").post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 5)).expect(201).json();
        as("owner").delete("/api/v1/groups/" + gid + "/invitations/" + revoked.get("id").asText()).expect(204);
        assertProblem(as("late2").post("/api/v1/invitations/redeem", Map.of("code", revoked.get("code").asText())), 410, null);
        assertThat(as("late2").get("/api/v1/groups").json()).isEmpty();
        as("owner").delete("/api/v1/groups/" + gid + "/members/late1").expect(204);
    }

    @Test
    void aReconnectingStreamGetsWhatItMissed() throws Exception {
        String lastId;
        try (var stream = new EventStream(server.baseUrl(), "owner", PW, null).connected()) {
            as("blocked").put("/api/v1/me/card", Map.of("fn", "Blocked One")).expect(200);
            Waits.until("the first change on the stream", DEADLINE,
                    () -> stream.events().stream().anyMatch(e -> e.data().contains("Blocked One")));
            lastId = stream.events().stream().filter(e -> e.id() != null).reduce((x, y) -> y).orElseThrow().id();
        }
        as("blocked").put("/api/v1/me/card", Map.of("fn", "Blocked Two")).expect(200);
        try (var resumed = new EventStream(server.baseUrl(), "owner", PW, lastId).connected()) {
            Waits.until("the missed change after reconnecting", DEADLINE,
                    () -> resumed.events().stream().anyMatch(e -> e.type().equals("card") && e.data().contains("Blocked Two")));
            assertThat(resumed.events()).noneMatch(e -> e.data().contains("Blocked One"));
        }
        try (var bogus = new EventStream(server.baseUrl(), "owner", PW, "999999999").connected()) {
            Waits.until("a resync event for an unknown position", DEADLINE,
                    () -> bogus.events().stream().anyMatch(e -> e.type().equals("resync")));
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        JsonNode doc = Http.anonymous(server.baseUrl()).get("/api/v1/openapi.json").expect(200).json();
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        for (String path : List.of("/api/v1/accounts", "/api/v1/groups/{id}/phonebook", "/api/v1/groups/{id}/changes",
                "/api/v1/events", "/api/v1/blocks/{username}", "/api/v1/invitations/redeem",
                "/api/v1/groups/{id}/entries/{entryId}")) {
            assertThat(doc.get("paths").has(path)).as(path).isTrue();
        }
        assertThat(as("owner").send("POST", "/api/v1/groups/" + gid + "/phonebook", null, null, Map.of()).header("Allow"))
                .isEqualTo("GET");
    }

    private static void assertProblem(Http.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = reply.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(p.path("field").asText()).isEqualTo(field);
        }
    }
}
