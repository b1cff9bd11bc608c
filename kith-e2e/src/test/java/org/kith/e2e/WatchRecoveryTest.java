package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.kith.e2e.support.Cli;
import org.kith.e2e.support.ServerProcess;
import org.kith.e2e.support.Vdir;
import org.kith.e2e.support.Waits;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.Http;
import org.kith.server.support.TestDatabase;

/**
 * {@code kith watch} rides out a server crash: it keeps retrying its event stream, reconnects once
 * the server is back, and the next change is pushed to it. It polls only every hour, so nothing
 * in this test can reach the folder by polling. Run on each database.
 */
@Databases
class WatchRecoveryTest {
    private static final String PW = "password-123";
    /** The line {@code kith watch} prints each time its stream is open and the folder current. */
    private static final String READY = "connected; waiting for changes";

    @Parameter
    Database database;

    @Test
    void watchReconnectsAfterTheServerComesBackAndGetsTheNextChangePushed() throws Exception {
        Path tmp = Files.createTempDirectory("kith-watch");
        Process watch = null;
        try (TestDatabase db = database.create()) {
            ServerProcess server = ServerProcess.start(tmp.resolve("data"), db.url());
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
                Http.basic(server.baseUrl(), "ben", PW).post("/api/v1/invitations/" + inv + "/accept", Map.of())
                        .expect(200);

                Cli ben = new Cli(server.baseUrl(), tmp.resolve("home-ben"));
                ben.runWithInput(PW + "\n", "login", "ben", "--password-stdin").ok();
                Path dir = tmp.resolve("contacts");
                watch = ben.start("watch", dir.toString(), "--interval", "1h");
                List<String> log = lines(watch);
                Path groupDir = dir.resolve(gid);
                Waits.until("the first sync", Duration.ofSeconds(30), () -> Vdir.cards(groupDir).size() == 2);
                Waits.until("the watch's stream to open", Duration.ofSeconds(30), () -> count(log, READY) == 1);

                server.kill();
                Waits.until("the watch to see its stream break", Duration.ofSeconds(30),
                        () -> log.stream().anyMatch(l -> l.contains("event stream closed")));
                server = ServerProcess.start(tmp.resolve("data"), db.url(), "--port", Integer.toString(port));
                Waits.until("the watch to reconnect its stream to the restarted server", Duration.ofSeconds(60),
                        () -> count(log, READY) == 2);

                Http.basic(server.baseUrl(), "ann", PW).put("/api/v1/me/card", Map.of("fn", "Ann",
                        "tel", List.of(Map.of("type", "cell", "value", "13900139000")))).expect(200);
                // made after the reconnected watch caught up, an hour before its next poll: only a push brings it
                Waits.until("the change made after the restart pushed to ben's folder", Duration.ofSeconds(10),
                        () -> Vdir.anyContains(groupDir, "13900139000"));
                assertThat(watch.isAlive()).isTrue();
            } finally {
                server.close();
            }
        } finally {
            if (watch != null) {
                watch.destroyForcibly();
            }
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The process's stdout lines as they come. */
    private static List<String> lines(Process p) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add), "watch-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static long count(List<String> lines, String ending) {
        return lines.stream().filter(l -> l.endsWith(ending)).count();
    }
}
