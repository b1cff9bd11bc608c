package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.kith.e2e.support.Cli;
import org.kith.e2e.support.ServerCommand;
import org.kith.e2e.support.ServerProcess;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.Http;
import org.kith.server.support.TestDatabase;

/**
 * The sign-up policy as the real CLI and the operator meet it: {@code kith register} on a closed
 * and an invite-only server says why it is refused; {@code kith-server admin create-user} makes
 * the account a closed server will not let anyone sign up for, while the server runs.
 */
@Databases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignUpPolicyCliTest {
    private static final String PW = "password-123";
    @Parameter
    Database db;
    private Path tmp;
    private TestDatabase closedDb;
    private TestDatabase inviteDb;
    private ServerProcess closed;
    private ServerProcess invite;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        tmp = Files.createTempDirectory("kith-sign-up");
        closedDb = db.create();
        inviteDb = db.create();
        closed = ServerProcess.start(tmp.resolve("closed"), closedDb.url(), "--registration", "closed");
        invite = ServerProcess.start(tmp.resolve("invite"), inviteDb.url(), "--registration", "invite");
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        closed.close();
        invite.close();
        closedDb.close();
        inviteDb.close();
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The server's own database options, as the operator would give them to an admin command. */
    private List<String> databaseFlags(Path data, TestDatabase database) {
        return database.url() == null || database.url().isEmpty() ? List.of("--data", data.toString())
                : List.of("--db", database.url());
    }

    private ServerCommand.Result createUser(String stdin, Path data, TestDatabase database, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("admin", "create-user"));
        cmd.addAll(List.of(args));
        cmd.addAll(databaseFlags(data, database));
        cmd.addAll(List.of("--argon2-memory-kib", "1024", "--argon2-iterations", "1"));
        return ServerCommand.runWithInput(stdin, cmd.toArray(String[]::new));
    }

    @Test
    void aClosedServerRefusesTheCliAndTheOperatorCreatesTheAccount() throws Exception {
        Cli cli = new Cli(closed.baseUrl(), tmp.resolve("cli-closed"));
        Cli.Result refused = cli.runWithInput(PW + "\n", "register", "walt", "--display-name", "Walt",
                "--password-stdin");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("sign-up is closed on this server");
        assertThat(Http.basic(closed.baseUrl(), "walt", PW).get("/api/v1/accounts/me").status()).isEqualTo(401);

        ServerCommand.Result made = createUser(PW + "\n", tmp.resolve("closed"), closedDb, "walt",
                "--display-name", "Walt Lee", "--region", "US");
        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.output()).contains("created account walt");
        // the running server knows the account at once
        assertThat(Http.basic(closed.baseUrl(), "walt", PW).get("/api/v1/accounts/me").expect(200).text("displayName"))
                .isEqualTo("Walt Lee");
        cli.runWithInput(PW + "\n", "login", "walt", "--password-stdin").ok();

        ServerCommand.Result taken = createUser(PW + "\n", tmp.resolve("closed"), closedDb, "Walt");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.output()).contains("taken");
        ServerCommand.Result noPassword = createUser("", tmp.resolve("closed"), closedDb, "wilma");
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.output()).contains("no password");
        ServerCommand.Result shortPassword = createUser("short\n", tmp.resolve("closed"), closedDb, "wilma");
        assertThat(shortPassword.exitCode()).isEqualTo(1);
        assertThat(shortPassword.output()).contains("at least 8");
    }

    @Test
    void anInviteOnlyServerTellsTheCliToBringAnInvitationAndAcceptsOne() throws Exception {
        ServerCommand.Result host = createUser(PW + "\n", tmp.resolve("invite"), inviteDb, "hostess");
        assertThat(host.exitCode()).as(host.output()).isZero();
        Http hostess = Http.basic(invite.baseUrl(), "hostess", PW);
        String gid = hostess.post("/api/v1/groups", Map.of("name", "Choir")).expect(201).text("id");
        String link = hostess.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 3, "expiresInHours", 24))
                .expect(201).text("url");

        Cli cli = new Cli(invite.baseUrl(), tmp.resolve("cli-invite"));
        Cli.Result none = cli.runWithInput(PW + "\n", "register", "singer", "--display-name", "Singer",
                "--password-stdin");
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("only invited people");
        Cli.Result bad = cli.runWithInput(PW + "\n", "register", "singer", "--display-name", "Singer",
                "--password-stdin", "--invitation", "not-a-code");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("cannot be used to sign up");

        assertThat(cli.runWithInput(PW + "\n", "register", "singer", "--display-name", "Singer", "--password-stdin",
                "--invitation", link).ok().out()).contains("registered singer");
        assertThat(Http.basic(invite.baseUrl(), "singer", PW).get("/api/v1/accounts/me").status()).isEqualTo(200);
    }
}
