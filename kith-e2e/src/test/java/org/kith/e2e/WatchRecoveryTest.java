package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.e2e.support.Cli;
import org.kith.e2e.support.ServerProcess;
import org.kith.e2e.support.Vdir;
import org.kith.e2e.support.Waits;

/** {@code kith watch} rides out a server crash: it keeps trying, and catches up once the server is back. */
class WatchRecoveryTest {
    private static final String PW = "password-123";

    @Test
    void watchCatchesUpAfterTheServerComesBack() throws Exception {
        Path tmp = Files.createTempDirectory("kith-watch");
        Process watch = null;
        ServerProcess server = ServerProcess.start(tmp.resolve("data"), null);
        try {
            int port = URI.create(server.baseUrl()).getPort();
            for (String u : List.of("ann", "ben")) {
                Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                        Map.of("username", u, "password", PW, "displayName", u)).expect(201);
            }
            Http ann = Http.basic(server.baseUrl(), "ann", PW);
            String gid = ann.post("/api/v1/groups", Map.of("name", "G")).expect(201).json().get("id").asText();
            String inv = ann.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "ben")).expect(201)
                    .json().get("id").asText();
            Http.basic(server.baseUrl(), "ben", PW).post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);

            Cli ben = new Cli(server.baseUrl(), tmp.resolve("home-ben"));
            ben.runWithInput(PW + "\n", "login", "ben", "--password-stdin").ok();
            Path dir = tmp.resolve("contacts");
            watch = ben.start("watch", dir.toString(), "--interval", "2s");
            Path groupDir = dir.resolve(gid);
            Waits.until("the first sync", Duration.ofSeconds(30), () -> Vdir.cards(groupDir).size() == 2);

            server.kill();
            Thread.sleep(1500); // the watcher notices and starts retrying
            server = ServerProcess.start(tmp.resolve("data"), null, "--port", Integer.toString(port));
            Http.basic(server.baseUrl(), "ann", PW).put("/api/v1/me/card", Map.of("fn", "Ann",
                    "tel", List.of(Map.of("type", "cell", "value", "13900139000")))).expect(200);
            Waits.until("the change made after the restart in ben's folder", Duration.ofSeconds(15),
                    () -> Vdir.anyContains(groupDir, "13900139000"));
            assertThat(watch.isAlive()).isTrue();
        } finally {
            if (watch != null) {
                watch.destroyForcibly();
            }
            server.close();
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
