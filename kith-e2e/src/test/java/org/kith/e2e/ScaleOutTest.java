package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.e2e.support.EventStream;
import org.kith.store.TestPostgres;
import org.kith.e2e.support.ServerProcess;
import org.kith.e2e.support.Waits;

/** Two server processes on one PostgreSQL: a change committed on one reaches streams on the other. */
class ScaleOutTest {
    private static final String PW = "password-123";

    @Test
    void aChangeCommittedOnOneNodeIsPushedByTheOther() throws Exception {
        Path tmp = Files.createTempDirectory("kith-scale");
        try (TestPostgres db = TestPostgres.createDatabase();
             ServerProcess one = ServerProcess.start(tmp.resolve("one"), db.url());
             ServerProcess two = ServerProcess.start(tmp.resolve("two"), db.url())) {
            two.awaitOutput("listening for other nodes' changes", Duration.ofSeconds(30));
            for (String u : List.of("ann", "ben")) {
                Http.anonymous(one.baseUrl()).post("/api/v1/accounts",
                        Map.of("username", u, "password", PW, "displayName", u)).expect(201);
            }
            Http annOnOne = Http.basic(one.baseUrl(), "ann", PW);
            String gid = annOnOne.post("/api/v1/groups", Map.of("name", "Family")).expect(201).json().get("id").asText();
            String inv = annOnOne.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "ben"))
                    .expect(201).json().get("id").asText();
            Http.basic(two.baseUrl(), "ben", PW).post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);

            try (EventStream benOnTwo = new EventStream(two.baseUrl(), "ben", PW, null).connected()) {
                annOnOne.put("/api/v1/me/card", Map.of("fn", "Ann", "tel",
                        List.of(Map.of("type", "cell", "value", "13800138000")))).expect(200);
                Waits.until("ben's stream on node two to carry ann's change from node one", Duration.ofSeconds(10),
                        () -> benOnTwo.events().stream().anyMatch(e -> e.type().equals("card")
                                && e.data().contains("13800138000")));
            }
            assertThat(Http.basic(two.baseUrl(), "ben", PW).get("/api/v1/groups/" + gid + "/phonebook").expect(200).body())
                    .contains("13800138000");
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
