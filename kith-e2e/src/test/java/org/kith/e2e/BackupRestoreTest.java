package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kith.e2e.support.ServerCommand;
import org.kith.e2e.support.ServerProcess;
import org.kith.server.support.Http;

/**
 * {@code kith-server backup} takes a consistent copy of the SQLite database while the server keeps
 * serving writes; {@code kith-server restore} puts it into a fresh data directory, and a server
 * started there has every write acknowledged before the backup began — and refuses to restore
 * under a running server.
 */
class BackupRestoreTest {
    private static final String PW = "password-123";
    private Path tmp;

    @BeforeEach
    void dirs() throws Exception {
        tmp = Files.createTempDirectory("kith-backup");
    }

    @AfterEach
    void clean() throws Exception {
        try (var files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aBackupUnderWriteLoadHoldsEveryWriteAcknowledgedBeforeItStarted() throws Exception {
        Path data = tmp.resolve("data");
        Path backup = tmp.resolve("kith-backup.db");
        List<String> acknowledged = new ArrayList<>();
        List<String> beforeBackup;
        String gid;
        String token;
        try (ServerProcess server = ServerProcess.start(data, null)) {
            Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                    Map.of("username", "owner", "password", PW, "displayName", "Owner")).expect(201);
            Http owner = Http.basic(server.baseUrl(), "owner", PW);
            gid = owner.post("/api/v1/groups", Map.of("name", "Club", "memberLimit", 100000)).expect(201).json()
                    .get("id").asText();
            token = owner.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("syncToken").asText();
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get() && i < 20_000; i++) {
                    String name = "Entry " + i;
                    owner.post("/api/v1/groups/" + gid + "/entries", Map.of("card", Map.of("fn", name))).expect(201);
                    synchronized (acknowledged) {
                        acknowledged.add(name);
                    }
                }
            });
            writer.start();
            waitForAcknowledged(acknowledged, 30);
            synchronized (acknowledged) {
                beforeBackup = List.copyOf(acknowledged);
            }
            ServerCommand.Result result = ServerCommand.run("backup", backup.toString(), "--data", data.toString());
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("backed up").contains("1 accounts, 1 groups");
            int atBackupEnd;
            synchronized (acknowledged) {
                atBackupEnd = acknowledged.size();
            }
            waitForAcknowledged(acknowledged, atBackupEnd + 5); // the server kept writing during and after it
            stop.set(true);
            writer.join(30_000);

            ServerCommand.Result refused = ServerCommand.run("restore", backup.toString(), "--data", data.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output()).contains("a Kith server is using").contains("stop it first");
            // the running server still has everything: the refused restore changed nothing
            owner.get("/api/v1/groups/" + gid + "/phonebook").expect(200);
        }

        Path fresh = tmp.resolve("fresh");
        ServerCommand.Result restored = ServerCommand.run("restore", backup.toString(), "--data", fresh.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        try (ServerProcess server = ServerProcess.start(fresh, null)) {
            Http owner = Http.basic(server.baseUrl(), "owner", PW);
            List<String> names = owner.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json()
                    .get("cards").findValuesAsText("fn");
            assertThat(names).containsAll(beforeBackup);
            // nothing half-written: the feed of the restored copy tells exactly what its book holds
            List<String> fed = owner.get("/api/v1/groups/" + gid + "/changes?since=" + token).expect(200).json()
                    .get("updated").findValuesAsText("fn");
            assertThat(fed).containsExactlyInAnyOrderElementsOf(
                    names.stream().filter(n -> n.startsWith("Entry ")).toList());
        }
    }

    @Test
    void whatIsNotAKithDatabaseIsRefusedAndNothingIsReplaced() throws Exception {
        Path data = tmp.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, null)) {
            Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                    Map.of("username", "ann", "password", PW, "displayName", "Ann")).expect(201);
        }
        Path junk = tmp.resolve("junk.db");
        Files.writeString(junk, "this is not a database");
        ServerCommand.Result r = ServerCommand.run("restore", junk.toString(), "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output()).contains("restore failed").contains("junk.db");
        try (ServerProcess server = ServerProcess.start(data, null)) {
            Http.basic(server.baseUrl(), "ann", PW).get("/api/v1/me/card").expect(200);
        }

        ServerCommand.Result exists = ServerCommand.run("backup", junk.toString(), "--data", data.toString());
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(exists.output()).contains("already exists");
        ServerCommand.Result missing = ServerCommand.run("backup");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("backup needs a file");
    }

    private static void waitForAcknowledged(List<String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            synchronized (acknowledged) {
                if (acknowledged.size() >= count) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer did not reach " + count + " acknowledged writes in 60 s");
            }
            Thread.sleep(5);
        }
    }
}
