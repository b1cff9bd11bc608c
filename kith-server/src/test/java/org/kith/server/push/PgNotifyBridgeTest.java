package org.kith.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.core.feed.ChangeNotice;
import org.kith.server.support.Http;
import org.kith.server.support.SseClient;
import org.kith.server.support.TestServer;

/** The NOTIFY payload, and a change committed on one node pushed by another over PostgreSQL. */
class PgNotifyBridgeTest {
    @TempDir
    Path dir;

    @Test
    void payloadRoundTripsAndOwnNoticesAreIgnored() {
        ChangeNotice n = new ChangeNotice(42, Set.of(1L, 2L), Set.of(7L), false);
        String payload = PgNotifyBridge.payload("node-a", n);
        assertThat(payload).startsWith("node-a:42:");
        assertThat(PgNotifyBridge.parse("node-b", payload)).isEqualTo(n);
        assertThat(PgNotifyBridge.parse("node-a", payload)).isNull();
        assertThat(PgNotifyBridge.parse("node-b", "garbage")).isNull();
        assertThat(PgNotifyBridge.parse("node-b", "x:notanumber:1:2")).isNull();
        assertThat(PgNotifyBridge.parse("node-b", "x:5::")).isEqualTo(new ChangeNotice(5, Set.of(), Set.of(), false));
    }

    @Test
    void tooManyIdsBecomeEveryone() {
        Set<Long> many = LongStream.range(1_000_000, 1_002_000).boxed().collect(Collectors.toSet());
        String payload = PgNotifyBridge.payload("n", new ChangeNotice(9, many, Set.of(), false));
        assertThat(payload).isEqualTo("n:9:*");
        assertThat(PgNotifyBridge.parse("m", payload)).isEqualTo(ChangeNotice.everyone(9));
        assertThat(PgNotifyBridge.payload("n", ChangeNotice.everyone(3))).isEqualTo("n:3:*");
    }

    @Test
    void aChangeOnOneNodeReachesAStreamOnTheOther() throws Exception {
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        String name = "kith_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at 127.0.0.1:5432 for user postgres: " + e.getMessage());
        }
        String db = "postgresql://postgres@127.0.0.1:5432/" + name;
        try (TestServer one = TestServer.start(dir.resolve("one"), "--db", db);
             TestServer two = TestServer.start(dir.resolve("two"), "--db", db)) {
            Http annOnOne = one.register("ann");
            one.register("ben");
            String gid = one.group("Family", annOnOne, "ben");
            Http benOnTwo = two.as("ben");
            try (SseClient stream = new SseClient(two.baseUrl() + "/api/v1/events", benOnTwo.authorization(), null)) {
                stream.awaitLine(Duration.ofSeconds(2), "retry: 3000"::equals);
                annOnOne.put("/api/v1/me/card", Map.of("fn", "Ann", "tel", List.of(Map.of("type", "cell",
                        "value", "13800138009")))).expect(200);
                stream.await("ann's change from node one on node two", Duration.ofSeconds(2),
                        e -> e.type().equals("card") && e.data().contains("13800138009"));
            }
            assertThat(benOnTwo.get("/api/v1/groups/" + gid + "/phonebook").expect(200).body()).contains("13800138009");
        } finally {
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
