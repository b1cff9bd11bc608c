package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.Http;
import org.kith.server.support.TestDatabase;
import org.kith.e2e.support.Cli;
import org.kith.e2e.support.EventStream;
import org.kith.e2e.support.Program;
import org.kith.e2e.support.ServerProcess;
import org.kith.e2e.support.Vdir;
import org.kith.e2e.support.Waits;

/**
 * The patent's scenario, end to end, as its people would live it: a real server process, each
 * person with their own {@code kith} CLI, a phone-like polling client, a live {@code kith watch}
 * folder, and khard reading that folder. Run on each database.
 */
@Databases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatentScenarioTest {
    private static final String PASSWORD = "correct horse battery";
    /** Long enough that nothing in the test can reach a folder by polling: what arrives was pushed. */
    private static final String NEVER = "15m";
    private static final Duration PUSH_DEADLINE = Duration.ofSeconds(10);

    @Parameter
    Database db;
    private Path tmp;
    private TestDatabase database;
    private ServerProcess server;
    private final List<Process> watchers = new ArrayList<>();

    @BeforeParameterizedClassInvocation
    void startServer() throws Exception {
        tmp = Files.createTempDirectory("kith-scenario");
        database = db.create();
        server = ServerProcess.start(tmp.resolve("data"), database.url());
    }

    @AfterParameterizedClassInvocation
    void stopServer() throws Exception {
        watchers.forEach(Process::destroyForcibly);
        if (server != null) {
            server.close();
        }
        database.close();
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Cli person(String username, String displayName) throws Exception {
        Cli cli = new Cli(server.baseUrl(), tmp.resolve("home-" + username));
        cli.runWithInput(PASSWORD + "\n", "register", username, "--display-name", displayName, "--password-stdin").ok();
        cli.runWithInput(PASSWORD + "\n", "login", username, "--password-stdin").ok();
        return cli;
    }

    private Http api(String username) {
        return Http.basic(server.baseUrl(), username, PASSWORD);
    }

    private static List<String> uids(JsonNode cards) {
        List<String> uids = new ArrayList<>();
        cards.forEach(c -> uids.add(c.get("uid").asText()));
        return uids;
    }

    private static List<String> names(JsonNode cards) {
        List<String> names = new ArrayList<>();
        cards.forEach(c -> names.add(c.get("card").get("fn").asText()));
        return names;
    }

    @Test
    void theGroupPhonebookKeepsItselfCurrentAndRespectsBlocks() throws Exception {
        // A registers, sets her card, creates the group with a managed entry for C.
        Cli alice = person("alice", "Alice");
        alice.run("card", "set", "--fn", "Alice Wang", "--tel", "cell=13800138000").ok();
        alice.run("group", "create", "大学同学", "--description", "Class of 2010", "--limit", "10").ok();
        JsonNode groups = api("alice").get("/api/v1/groups").expect(200).json();
        assertThat(groups).hasSize(1);
        String gid = groups.get(0).get("id").asText();
        assertThat(groups.get(0).get("name").asText()).isEqualTo("大学同学");
        alice.run("group", "entry-add", gid, "--fn", "Carol Li", "--tel", "cell=13900139000").ok();
        JsonNode entry = api("alice").get("/api/v1/groups/" + gid + "/entries").expect(200).json().get(0);
        String carolEntryUid = entry.get("uid").asText();

        // B is invited by username and accepts; D joins by link.
        Cli bob = person("bob", "Bob");
        alice.run("group", "invite", gid, "--user", "bob").ok();
        JsonNode bobInvites = api("bob").get("/api/v1/invitations").expect(200).json();
        assertThat(bobInvites).hasSize(1);
        assertThat(bobInvites.get(0).get("groupName").asText()).isEqualTo("大学同学");
        bob.run("accept", bobInvites.get(0).get("id").asText()).ok();

        Cli dave = person("dave", "Dave");
        String link = alice.run("group", "invite", gid, "--link", "--max-uses", "5", "--expires-hours", "48").ok().out();
        String code = api("alice").get("/api/v1/groups/" + gid + "/invitations").expect(200).json()
                .findValues("code").stream().filter(c -> !c.isNull()).findFirst().orElseThrow().asText();
        assertThat(link).contains(code);
        dave.run("redeem", code).ok();

        // Everyone's phonebook holds the right cards.
        String aliceUid = cardUid("alice", gid, "Alice Wang");
        for (String who : List.of("alice", "bob", "dave")) {
            JsonNode book = api(who).get("/api/v1/groups/" + gid + "/phonebook").expect(200).json();
            assertThat(names(book.get("cards"))).as(who + "'s phonebook")
                    .containsExactlyInAnyOrder("Alice Wang", "Bob", "Dave", "Carol Li");
        }

        // B keeps a live folder with `kith watch`, and a phone that polls.
        Path bobDir = tmp.resolve("bob-contacts");
        Process watch = bob.start("watch", bobDir.toString(), "--interval", NEVER);
        watchers.add(watch);
        List<String> watchLog = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(watch.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(watchLog::add));
        reader.setDaemon(true);
        reader.start();
        Path bobGroupDir = bobDir.resolve(gid);
        Waits.until("bob's watch folder to hold the group's 4 cards", Duration.ofSeconds(30),
                () -> Vdir.cards(bobGroupDir).size() == 4);
        // the watch says when its stream is open and the folder current: from then on changes are pushed
        Waits.until("bob's watch to say it waits for changes", Duration.ofSeconds(30),
                () -> watchLog.stream().anyMatch(l -> l.endsWith("connected; waiting for changes")));
        assertThat(Vdir.anyContains(bobGroupDir, "13800138000")).isTrue();
        String bobPollToken = api("bob").get("/api/v1/groups/" + gid + "/phonebook").expect(200).json()
                .get("syncToken").asText();
        try (EventStream bobEvents = new EventStream(server.baseUrl(), "bob", PASSWORD, null).connected()) {
            // A changes her number: B's folder has it pushed (it polls every 15 minutes), B's poll gets exactly it.
            // How fast a push arrives is a figure for the benchmark (bin/bench push), not for this test.
            api("alice").put("/api/v1/me/card", Map.of("fn", "Alice Wang",
                    "tel", List.of(Map.of("type", "cell", "value", "13700137000")))).expect(200);
            Waits.until("the new number in bob's watch folder", PUSH_DEADLINE,
                    () -> Vdir.anyContains(bobGroupDir, "13700137000"));
            assertThat(Vdir.anyContains(bobGroupDir, "13800138000")).isFalse();

            JsonNode poll = api("bob").get("/api/v1/groups/" + gid + "/changes?since=" + bobPollToken).expect(200).json();
            assertThat(names(poll.get("updated"))).containsExactly("Alice Wang");
            assertThat(poll.get("updated").get(0).get("card").get("tel").get(0).get("e164").asText())
                    .isEqualTo("+8613700137000");
            assertThat(poll.get("removed")).isEmpty();
            bobPollToken = poll.get("syncToken").asText();
            assertThat(poll.get("updated").get(0).get("uid").asText()).isEqualTo(aliceUid);
            String finalAliceUid = aliceUid;
            Waits.until("bob's live stream to carry alice's change", PUSH_DEADLINE,
                    () -> bobEvents.events().stream().anyMatch(e -> e.type().equals("card")
                            && e.data().contains(finalAliceUid) && e.data().contains("13700137000")));

            // C registers and accepts the invitation tied to her entry: same UID, her own card.
            Cli carol = person("carol", "Carol");
            alice.run("group", "invite", gid, "--user", "carol", "--entry", entry.get("id").asText()).ok();
            String carolInvite = api("carol").get("/api/v1/invitations").expect(200).json().get(0).get("id").asText();
            carol.run("accept", carolInvite).ok();
            JsonNode bobBook = api("bob").get("/api/v1/groups/" + gid + "/phonebook").expect(200).json();
            assertThat(names(bobBook.get("cards"))).containsExactlyInAnyOrder("Alice Wang", "Bob", "Dave", "Carol");
            assertThat(cardUid("bob", gid, "Carol")).isEqualTo(carolEntryUid);
            JsonNode carolChange = api("bob").get("/api/v1/groups/" + gid + "/changes?since=" + bobPollToken)
                    .expect(200).json();
            assertThat(uids(carolChange.get("updated"))).containsExactly(carolEntryUid);
            assertThat(carolChange.get("removed")).isEmpty();
            bobPollToken = carolChange.get("syncToken").asText();
            Waits.until("carol's own card in bob's folder under the entry's UID", PUSH_DEADLINE,
                    () -> Vdir.cards(bobGroupDir).stream().anyMatch(c -> c.contains("UID:" + carolEntryUid)
                            && c.contains("FN:Carol\r\n")));
            assertThat(Vdir.cards(bobGroupDir)).hasSize(4);

            // A blocks B: B loses A's card everywhere, and A's next change never reaches B.
            alice.run("block", "bob").ok();
            JsonNode afterBlock = api("bob").get("/api/v1/groups/" + gid + "/changes?since=" + bobPollToken)
                    .expect(200).json();
            assertThat(afterBlock.get("removed").toString()).contains(aliceUid);
            assertThat(afterBlock.get("updated")).isEmpty();
            String tokenAfterBlock = afterBlock.get("syncToken").asText();
            String finalUid = aliceUid;
            Waits.until("alice's card gone from bob's folder", PUSH_DEADLINE,
                    () -> Vdir.cards(bobGroupDir).stream().noneMatch(c -> c.contains(finalUid)));
            assertThat(names(api("bob").get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("cards")))
                    .doesNotContain("Alice Wang");
            int eventsBefore = bobEvents.events().size();

            api("alice").put("/api/v1/me/card", Map.of("fn", "Alice W.",
                    "tel", List.of(Map.of("type", "cell", "value", "13600136000")))).expect(200);
            // Committed once answered: B's poll shows at once that it is not for him.
            JsonNode blind = api("bob").get("/api/v1/groups/" + gid + "/changes?since=" + tokenAfterBlock)
                    .expect(200).json();
            assertThat(blind.get("updated")).isEmpty();
            assertThat(blind.get("removed")).isEmpty();
            assertThat(blind.get("syncToken").asText()).isEqualTo(tokenAfterBlock);
            assertThat(api("bob").get("/api/v1/groups/" + gid + "/phonebook").expect(200).json()
                    .get("syncToken").asText()).isEqualTo(tokenAfterBlock);
            // B's live paths: a later change he may see (D's new number) is pushed to him, and A's
            // change did not come before it (a stream delivers in commit order, the watch applies in order).
            api("dave").put("/api/v1/me/card", Map.of("fn", "Dave",
                    "tel", List.of(Map.of("type", "cell", "value", "13500135000")))).expect(200);
            List<EventStream.Event> beforeSentinel = bobEvents.eventsBefore("dave's change on bob's stream",
                    PUSH_DEADLINE, e -> e.type().equals("card") && e.data().contains("13500135000"));
            assertThat(beforeSentinel.subList(eventsBefore, beforeSentinel.size()))
                    .noneMatch(e -> e.data().contains(finalUid) || e.data().contains("13600136000"));
            Waits.until("dave's change in bob's folder", PUSH_DEADLINE, () -> Vdir.anyContains(bobGroupDir, "13500135000"));
            assertThat(Vdir.anyContains(bobGroupDir, "13600136000")).isFalse();
            assertThat(Vdir.anyContains(bobGroupDir, "Alice")).isFalse();
            JsonNode sentinel = api("bob").get("/api/v1/groups/" + gid + "/changes?since=" + tokenAfterBlock)
                    .expect(200).json();
            assertThat(names(sentinel.get("updated"))).containsExactly("Dave");
            String tokenAfterSentinel = sentinel.get("syncToken").asText();
            // Dave, not blocked, sees the change.
            assertThat(names(api("dave").get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("cards")))
                    .contains("Alice W.");

            // Unblocking brings A's current card back, on every path.
            alice.run("unblock", "bob").ok();
            JsonNode back = api("bob").get("/api/v1/groups/" + gid + "/changes?since=" + tokenAfterSentinel)
                    .expect(200).json();
            assertThat(names(back.get("updated"))).containsExactly("Alice W.");
            Waits.until("alice's card back in bob's folder", PUSH_DEADLINE,
                    () -> Vdir.anyContains(bobGroupDir, "13600136000"));
        }

        // khard, a real contacts program, reads B's folder.
        Path khardConfig = tmp.resolve("khard.conf");
        Files.writeString(khardConfig, "[addressbooks]\n[[kith]]\npath = " + bobGroupDir + "/\n\n"
                + "[general]\ndebug = no\ndefault_action = list\neditor = true\nmerge_editor = true\n");
        Program.Result khard = Program.run(new ProcessBuilder("khard", "-c", khardConfig.toString(), "list", "--parsable"),
                null, Duration.ofSeconds(60));
        String listed = khard.output();
        assertThat(khard.exitCode()).as(listed).isZero();
        assertThat(listed).contains("Alice W.").contains("Bob").contains("Dave").contains("Carol");
        assertThat(watchLog).as("watch logs what it applies")
                .anyMatch(l -> l.contains(": updated Alice Wang"))
                .anyMatch(l -> l.contains(": removed " + aliceUid));
    }

    private String cardUid(String viewer, String gid, String fn) {
        for (JsonNode c : api(viewer).get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("cards")) {
            if (c.get("card").get("fn").asText().equals(fn)) {
                return c.get("uid").asText();
            }
        }
        throw new AssertionError(fn + " is not in " + viewer + "'s phonebook");
    }
}
