package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch loop against a canned server whose event stream the test writes. */
class WatcherTest {
    /** Generous: a hung watch fails the test, a slow machine does not. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    @TempDir Path dir;
    private final FakeServer server = new FakeServer();
    private final StringWriter output = new StringWriter();
    private final AtomicReference<Throwable> ended = new AtomicReference<>();
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(5000);
        }
        server.close();
    }

    private void serveGroups() {
        server.json("GET", "/groups", 200, "groups.json")
                .json("GET", "/groups/12/phonebook", 200, "phonebook-12.json")
                .json("GET", "/groups/7/phonebook", 200, "phonebook-7.json")
                .json("GET", "/groups/12/changes?since=100", 200, "changes-12-since-100-none.json")
                .json("GET", "/groups/7/changes?since=50", 200, "changes-7-since-50.json");
    }

    private void start(String url, Duration interval, Duration stall) {
        ApiClient api = new ApiClient(url, ApiClient.bearer("tok"));
        SyncState state = SyncState.load(dir, SyncState.account("bob", api.server()));
        Log log = new Log(new PrintWriter(output, true), true);
        Watcher watcher = new Watcher(api, new GroupSyncer(api, dir, state, log, true), interval, log, stall);
        thread = new Thread(() -> {
            try {
                watcher.run();
            } catch (Throwable t) {
                ended.set(t);
            }
        }, "watcher-under-test");
        thread.start();
    }

    /**
     * Starts watching and waits for the line saying the stream is open and the catch-up sync
     * after connecting is over, so that pushed events take the direct path (an event arriving
     * during a sync is fetched with "changes since").
     */
    private void startAndAwaitConnected() {
        start(server.url(), Duration.ofHours(1), Watcher.STALL);
        Wait.until("the watch to say it is connected and current", DEADLINE,
                () -> output.toString().contains(Watcher.READY));
        assertThat(server.requests("GET", "/groups/7/changes")).as("the catch-up sync ran first").hasSize(1);
    }

    private static String cardEvent(String id) throws IOException {
        String data = Json.MAPPER.readTree(FakeServer.resource("event-card-updated.json")).toString();
        return "id: " + id + "\nevent: card\ndata: " + data + "\n\n";
    }

    private String card(String file) {
        try {
            return Files.readString(dir.resolve("12").resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** How fast a push lands is a figure for the benchmark; polling every hour, any arrival here was pushed. */
    @Test
    void aPushedChangeReachesTheFolderAndIsLogged() throws IOException {
        serveGroups();
        startAndAwaitConnected();
        assertThat(card("alice@kith.example.vcf")).contains("13800138000");

        server.push(cardEvent("501"));

        Wait.until("the pushed number in the folder", DEADLINE,
                () -> card("alice@kith.example.vcf").contains("13111111111"));
        Wait.until("the change logged", DEADLINE, () -> output.toString().contains("updated Alice Wang"));
        Wait.until("the new token saved", DEADLINE, () -> "106".equals(SyncState.load(dir, null).token("12")));
        assertThat(output.toString()).containsPattern(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} group 12 \"大学同学\": updated Alice Wang \\(alice@kith.example\\)");
    }

    @Test
    void anEventArrivingDuringASyncIsFetchedAgainRatherThanApplied() throws IOException {
        serveGroups();
        server.delay("GET", "/groups/7/changes?since=50", 800);
        start(server.url(), Duration.ofHours(1), Watcher.STALL);
        Wait.until("the catch-up sync under way", Duration.ofSeconds(10),
                () -> server.requests("GET", "/groups/7/changes").size() == 1);
        // the server now knows the change, and says so on the stream while our sync still runs
        server.json("GET", "/groups/12/changes?since=100", 200, "changes-12-since-100-alice.json");
        server.push(cardEvent("501"));

        Wait.until("the change in the folder", DEADLINE,
                () -> card("alice@kith.example.vcf").contains("13111111111"));
        Wait.until("the new token saved", DEADLINE, () -> "106".equals(SyncState.load(dir, null).token("12")));
        assertThat(server.requests("GET", "/groups/12/changes?since=100")).hasSize(2);
    }

    @Test
    void aRemovalEventDeletesTheCard() {
        serveGroups();
        startAndAwaitConnected();
        server.push("id: 9\nevent: card\ndata: {\"group\":\"12\",\"op\":\"removed\",\"uid\":\"陈雪松\",\"entry\":null,\"syncToken\":\"101\"}\n\n");
        Wait.until("the card gone", DEADLINE,
                () -> !Files.exists(dir.resolve("12/%E9%99%88%E9%9B%AA%E6%9D%BE.vcf")));
        Wait.until("the removal logged", DEADLINE,
                () -> output.toString().contains("group 12 \"大学同学\": removed 陈雪松"));
    }

    @Test
    void aDroppedStreamIsResumedWithLastEventId() throws IOException {
        serveGroups();
        startAndAwaitConnected();
        server.push(cardEvent("501"));
        Wait.until("the change applied", DEADLINE, () -> card("alice@kith.example.vcf").contains("13111111111"));

        server.dropStream();

        Wait.until("a second stream", DEADLINE, () -> server.requests("GET", "/events").size() == 2);
        assertThat(server.requests("GET", "/events").get(0).header("Last-Event-ID")).isNull();
        assertThat(server.requests("GET", "/events").get(1).header("Last-Event-ID")).isEqualTo("501");
        assertThat(server.requests("GET", "/events").get(1).header("Accept")).isEqualTo("text/event-stream");
        assertThat(output.toString()).contains("event stream closed");
    }

    @Test
    void groupAndResyncEventsSyncEverything() {
        serveGroups();
        startAndAwaitConnected();
        server.json("GET", "/groups", 200, "groups-only-12.json");

        server.push("id: 600\nevent: group\ndata: {\"group\":\"7\",\"op\":\"removed\",\"name\":\"Family\"}\n\n");
        Wait.until("the left group's folder gone", DEADLINE, () -> !Files.exists(dir.resolve("7")));

        server.push("id: 601\nevent: resync\ndata: {}\n\n");
        Wait.until("a full resync", DEADLINE, () -> server.requests("GET", "/groups/12/phonebook").size() == 2);
    }

    @Test
    void aSilentStreamIsGivenUpAndReopened() {
        serveGroups();
        start(server.url(), Duration.ofHours(1), Duration.ofMillis(1500));
        Wait.until("a reconnect after silence", Duration.ofSeconds(10), () -> server.requests("GET", "/events").size() >= 2);
        assertThat(output.toString()).contains("no word from the server for 1500ms; reconnecting");
    }

    @Test
    void refusedCredentialsEndTheWatch() {
        serveGroups();
        server.refuseEvents(401, "unauthorized.json");
        start(server.url(), Duration.ofHours(1), Watcher.STALL);
        Wait.until("the watch to end", DEADLINE, () -> ended.get() != null);
        assertThat(ended.get()).isInstanceOf(ApiError.class).hasMessage("Authentication required: invalid or expired token");
    }

    @Test
    void anUnreachableServerIsPolledAndRetriedUntilInterrupted() throws InterruptedException {
        server.close();
        start(server.url(), Duration.ofSeconds(1), Watcher.STALL);
        Wait.until("a few retries", Duration.ofSeconds(10),
                () -> output.toString().split("push unavailable", -1).length > 3);
        assertThat(output.toString()).contains("sync failed: cannot reach server at " + server.url())
                .contains("retrying the event stream in 1s");
        assertThat(ended.get()).isNull();

        thread.interrupt();
        thread.join(2000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    }
}
