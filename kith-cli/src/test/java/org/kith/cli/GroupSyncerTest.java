package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine against canned server answers: what lands in the folder, and what is asked. */
class GroupSyncerTest {
    @TempDir Path dir;
    private final FakeServer server = new FakeServer();
    private final StringWriter output = new StringWriter();

    @AfterEach
    void stop() {
        server.close();
    }

    private GroupSyncer syncer() {
        return syncer("alice");
    }

    private GroupSyncer syncer(String username) {
        ApiClient api = new ApiClient(server.url(), ApiClient.basic(username, "secret"));
        SyncState state = SyncState.load(dir, SyncState.account(username, api.server()));
        return new GroupSyncer(api, dir, state, new Log(new PrintWriter(output), false), false);
    }

    private void serveFirstRun() {
        server.json("GET", "/groups", 200, "groups.json")
                .json("GET", "/groups/12/phonebook", 200, "phonebook-12.json")
                .json("GET", "/groups/7/phonebook", 200, "phonebook-7.json");
    }

    /** File name → content of every file in a group folder. */
    private Map<String, String> folder(String group) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir.resolve(group))) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void theFirstRunWritesEveryGroupAndRemovesStaleCards() throws IOException {
        Files.createDirectories(dir.resolve("12"));
        Files.writeString(dir.resolve("12/left-over.vcf"), "BEGIN:VCARD\r\nEND:VCARD\r\n");
        Files.writeString(dir.resolve("12/README"), "not ours");
        serveFirstRun();

        syncer().syncAll(false);

        Map<String, String> g12 = folder("12");
        assertThat(g12.keySet()).containsExactlyInAnyOrder("displayname", "README", "alice@kith.example.vcf",
                "bob%20uid%20100%25.vcf", "%E9%99%88%E9%9B%AA%E6%9D%BE.vcf", "%2E.%2F..%2Fescape%2Fattempt.vcf");
        assertThat(g12.get("displayname")).isEqualTo("大学同学");
        assertThat(g12.get("alice@kith.example.vcf")).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:alice@kith.example\r\n")
                .contains("TEL;TYPE=CELL:13800138000\r\n");
        assertThat(g12.get("%E9%99%88%E9%9B%AA%E6%9D%BE.vcf")).contains("FN:陈雪松\r\n");
        assertThat(folder("7").keySet()).containsExactlyInAnyOrder("displayname", "bob%20uid%20100%25.vcf");
        assertThat(dir.resolve("escape")).doesNotExist();

        SyncState state = SyncState.load(dir, SyncState.account("alice", server.url()));
        assertThat(state.tokens()).containsExactly(Map.entry("12", "100"), Map.entry("7", "50"));
        assertThat(output.toString().lines()).containsExactly(
                "group 12 \"大学同学\": 4 added, 0 updated, 1 removed",
                "group 7 \"Family\": 1 added, 0 updated, 0 removed");
    }

    @Test
    void aBacklogLargerThanOnePageIsFetchedPageAfterPageInOneSync() throws IOException {
        serveFirstRun();
        syncer().syncAll(false);
        String card = "BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nUID:%s\\r\\nFN:%s\\r\\nEND:VCARD\\r\\n";
        server.text("GET", "/groups/7/changes?since=50", 200, "application/json", """
                {"syncToken": "60", "more": true, "removed": [],
                 "updated": [{"uid": "p1", "vcard": "%s", "card": {"fn": "Page One"}}]}
                """.formatted(card.formatted("p1", "Page One")), Map.of())
                .text("GET", "/groups/7/changes?since=60", 200, "application/json", """
                {"syncToken": "70", "more": false, "removed": ["bob uid 100%%"],
                 "updated": [{"uid": "p2", "vcard": "%s", "card": {"fn": "Page Two"}}]}
                """.formatted(card.formatted("p2", "Page Two")), Map.of())
                .json("GET", "/groups/12/changes?since=100", 200, "changes-12-since-100.json");

        syncer().syncAll(false);

        assertThat(folder("7").keySet()).containsExactlyInAnyOrder("displayname", "p1.vcf", "p2.vcf");
        assertThat(folder("7").get("p2.vcf")).contains("FN:Page Two\r\n");
        assertThat(SyncState.load(dir, null).token("7")).isEqualTo("70");
        assertThat(server.requests("GET", "/groups/7/changes")).hasSize(2);
    }

    @Test
    void laterRunsFetchOnlyTheChangesSinceTheSavedToken() throws IOException {
        serveFirstRun();
        syncer().syncAll(false);
        server.json("GET", "/groups/12/changes?since=100", 200, "changes-12-since-100.json")
                .json("GET", "/groups/7/changes?since=50", 200, "changes-7-since-50.json");
        output.getBuffer().setLength(0);

        syncer().syncAll(false);

        Map<String, String> g12 = folder("12");
        assertThat(g12.keySet()).containsExactlyInAnyOrder("displayname", "alice@kith.example.vcf",
                "bob%20uid%20100%25.vcf", "%E9%99%88%E9%9B%AA%E6%9D%BE.vcf", "dave%2Fwith%2Fslashes.vcf");
        assertThat(g12.get("alice@kith.example.vcf")).contains("13700137001").doesNotContain("13800138000");
        assertThat(server.requests("GET", "/groups/12/phonebook")).hasSize(1);
        assertThat(SyncState.load(dir, null).token("12")).isEqualTo("105");
        assertThat(output.toString().lines()).containsExactly(
                "group 12 \"大学同学\": 1 added, 1 updated, 1 removed",
                "group 7 \"Family\": 0 added, 0 updated, 0 removed");
    }

    @Test
    void anExpiredTokenGetsAFullResyncOfThatGroup() throws IOException {
        serveFirstRun();
        syncer().syncAll(false);
        server.json("GET", "/groups/12/changes?since=100", 410, "resync-required.json")
                .json("GET", "/groups/12/phonebook", 200, "phonebook-12-after-resync.json")
                .json("GET", "/groups/7/changes?since=50", 200, "changes-7-since-50.json");

        syncer().syncAll(false);

        assertThat(folder("12").keySet()).containsExactlyInAnyOrder("displayname", "alice@kith.example.vcf",
                "%E9%99%88%E9%9B%AA%E6%9D%BE.vcf");
        assertThat(folder("12").get("alice@kith.example.vcf")).contains("13500135000");
        assertThat(SyncState.load(dir, null).token("12")).isEqualTo("300");
        assertThat(output.toString()).contains("group 12 \"大学同学\": the server needs a full resync (Gone: the sync token is unknown or too old")
                .contains("group 12 \"大学同学\": 0 added, 1 updated, 2 removed");
        assertThat(server.requests("GET", "/groups/7/phonebook")).hasSize(1);
    }

    @Test
    void aGroupILeftLosesItsFolder() throws IOException {
        serveFirstRun();
        syncer().syncAll(false);
        server.json("GET", "/groups", 200, "groups-only-12.json")
                .json("GET", "/groups/12/changes?since=100", 200, "changes-12-since-100.json");

        syncer().syncAll(false);

        assertThat(dir.resolve("7")).doesNotExist();
        assertThat(dir.resolve("12")).isDirectory();
        assertThat(SyncState.load(dir, null).groups()).containsExactly("12");
        assertThat(output.toString()).contains("group 7 \"Family\": no longer a member; folder removed");
    }

    @Test
    void onlyTheServerSayingTheGroupIsGoneRemovesItsFolder() throws IOException {
        serveFirstRun();
        syncer().syncAll(false);
        // left between the list and its sync: gone; a 404 for another reason (a path this server lacks) keeps it
        server.json("GET", "/groups/12/changes?since=100", 404, "group-not-found.json")
                .json("GET", "/groups/7/changes?since=50", 404, "route-not-found.json");

        assertThatThrownBy(() -> syncer().syncAll(false)).isInstanceOf(ApiError.class)
                .hasMessage("Not found: no such resource: /api/v1/groups/7/changes");

        assertThat(dir.resolve("12")).doesNotExist();
        assertThat(folder("7")).containsKey("displayname");
    }

    @Test
    void tokensOfAnotherAccountAreNotReused() {
        serveFirstRun();
        syncer("alice").syncAll(false);

        syncer("bob").syncAll(false);

        assertThat(server.requests("GET", "/groups/12/changes")).isEmpty();
        assertThat(server.requests("GET", "/groups/12/phonebook")).hasSize(2);
    }

    @Test
    void aPushedChangeIsWrittenAndItsTokenKept() throws IOException {
        serveFirstRun();
        GroupSyncer syncer = syncer();
        syncer.syncAll(false);
        JsonNode event = Json.MAPPER.readTree(FakeServer.resource("event-card-updated.json"));

        assertThat(syncer.apply(event)).isTrue();

        assertThat(folder("12").get("alice@kith.example.vcf")).contains("13111111111");
        assertThat(SyncState.load(dir, null).token("12")).isEqualTo("106");
        JsonNode removal = Json.MAPPER.readTree("{\"group\":\"12\",\"op\":\"removed\",\"uid\":\"陈雪松\",\"syncToken\":\"107\"}");
        assertThat(syncer.apply(removal)).isTrue();
        assertThat(folder("12")).doesNotContainKey("%E9%99%88%E9%9B%AA%E6%9D%BE.vcf");
        JsonNode unknownGroup = Json.MAPPER.readTree("{\"group\":\"99\",\"op\":\"removed\",\"uid\":\"x\",\"syncToken\":\"1\"}");
        assertThat(syncer.apply(unknownGroup)).as("not ours to apply: the caller syncs").isFalse();
    }

    @Test
    void refusedCredentialsStopTheSyncWithTheServersWords() {
        server.json("GET", "/groups", 401, "unauthorized.json");
        assertThatThrownBy(() -> syncer().syncAll(false)).isInstanceOf(ApiError.class)
                .hasMessage("Authentication required: invalid or expired token");
        assertThat(server.requests().get(0).header("Authorization")).startsWith("Basic ");
        assertThat(List.of(dir.toFile().list())).doesNotContain("12");
    }
}
