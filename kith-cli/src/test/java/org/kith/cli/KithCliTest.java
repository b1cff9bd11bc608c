package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole command lines, run in-process against the canned server: output, exit codes, requests. */
class KithCliTest {
    @TempDir Path tmp;
    private final FakeServer server = new FakeServer();
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private String out;
    private String err;

    @AfterEach
    void stop() {
        server.close();
    }

    private int kith(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(o),
                new PrintWriter(e), env, false);
        List<String> all = new ArrayList<>(List.of("--config", config().toString()));
        all.addAll(List.of(args));
        int code = KithCli.run(io, all.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path config() {
        return tmp.resolve("home/.config/kith/config.json");
    }

    private void loggedIn(String serverUrl) {
        ConfigFile.load(config()).saveLogin(serverUrl, "alice", "tok-123", null);
    }

    private JsonNode body(FakeServer.Request r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void loginReadsThePasswordFromStdinAndSavesTheTokenPrivately() throws IOException {
        server.json("POST", "/sessions", 201, "session.json");
        stdin = "correct horse\nmore input\n";

        assertThat(kith("--server", server.url() + "/", "login", "alice", "--password-stdin")).isZero();

        assertThat(out).isEqualTo("logged in as alice on " + server.url() + "\n");
        FakeServer.Request login = server.requests().get(0);
        assertThat(login.header("Authorization")).isNull();
        assertThat(login.header("Content-Type")).isEqualTo("application/json");
        assertThat(body(login).get("username").asText()).isEqualTo("alice");
        assertThat(body(login).get("password").asText()).isEqualTo("correct horse");
        ConfigFile saved = ConfigFile.load(config());
        assertThat(saved.token()).isEqualTo("tok-123");
        assertThat(saved.server()).isEqualTo(server.url());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config()))).isEqualTo("rw-------");
    }

    @Test
    void registerTakesThePasswordFromTheEnvironment() throws IOException {
        server.text("POST", "/accounts", 201, "application/json",
                "{\"id\":\"1\",\"username\":\"Alice\",\"displayName\":\"Alice\",\"region\":\"DE\"}", Map.of());
        env.put("KITH_PASSWORD", "s3cret-pass");

        assertThat(kith("--server", server.url(), "register", "Alice", "--display-name", "Alice", "--region", "DE")).isZero();

        JsonNode sent = body(server.requests().get(0));
        assertThat(sent.get("password").asText()).isEqualTo("s3cret-pass");
        assertThat(sent.get("displayName").asText()).isEqualTo("Alice");
        assertThat(sent.get("region").asText()).isEqualTo("DE");
        assertThat(out).startsWith("registered Alice on " + server.url());
    }

    @Test
    void withoutAnyPasswordSourceRegisteringIsAUsageError() {
        assertThat(kith("--server", server.url(), "register", "alice", "--display-name", "A")).isEqualTo(2);
        assertThat(err).isEqualTo("kith: no password: use --password-stdin or set KITH_PASSWORD\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void cardSetChangesOnlyTheGivenFieldsWithIfMatch() throws IOException {
        loggedIn(server.url());
        server.text("GET", "/me/card", 200, "application/json", FakeServer.resource("card.json"), Map.of("ETag", "\"v1\""))
                .text("PUT", "/me/card", 200, "application/json", FakeServer.resource("card.json"), Map.of("ETag", "\"v2\""));

        assertThat(kith("card", "set", "--tel", "CELL=13700137000", "--tel", "work=010 1234 5678", "--title", "CTO")).isZero();

        FakeServer.Request put = server.requests("PUT", "/me/card").get(0);
        assertThat(put.header("If-Match")).isEqualTo("\"v1\"");
        assertThat(put.header("Authorization")).isEqualTo("Bearer tok-123");
        JsonNode card = body(put);
        assertThat(card.get("fn").asText()).isEqualTo("Alice Wang");
        assertThat(card.get("title").asText()).isEqualTo("CTO");
        assertThat(card.get("email").get(0).get("value").asText()).isEqualTo("alice@example.org");
        assertThat(card.get("tel").toString())
                .isEqualTo("[{\"type\":\"cell\",\"value\":\"13700137000\"},{\"type\":\"work\",\"value\":\"010 1234 5678\"}]");
        assertThat(out).startsWith("Alice Wang\n  tel    cell  138 0013 8000  (+8613800138000)\n");
    }

    @Test
    void aProblemIsOneLineOnStderrWithExitCode1() {
        loggedIn(server.url());
        server.text("GET", "/me/card", 200, "application/json", FakeServer.resource("card.json"), Map.of())
                .json("PUT", "/me/card", 422, "invalid-tel.json");

        assertThat(kith("card", "set", "--tel", "cell=12")).isEqualTo(1);

        assertThat(err).isEqualTo("kith: Invalid value: 12 is not a valid phone number for region CN (field: tel[0].value)\n");
        assertThat(out).isEmpty();
    }

    @Test
    void anErrorPageThatIsNotProblemJsonStillReadsWell() {
        loggedIn(server.url());
        server.text("GET", "/groups", 502, "text/html", "<html><body>Bad gateway</body></html>", Map.of());
        assertThat(kith("group", "list")).isEqualTo(1);
        assertThat(err).isEqualTo("kith: HTTP 502 Bad Gateway\n");
    }

    @Test
    void refusedCredentialsSayHowToLogInAgain() {
        loggedIn(server.url());
        server.json("GET", "/groups", 401, "unauthorized.json");
        assertThat(kith("group", "list")).isEqualTo(1);
        assertThat(err).startsWith("kith: Authentication required: invalid or expired token\nkith: log in again with 'kith login USERNAME'");
    }

    @Test
    void anUnreachableServerIsExitCode3() {
        String url = server.url();
        server.close();
        env.put("KITH_PASSWORD", "pw");
        assertThat(kith("--server", url, "--user", "alice", "group", "list")).isEqualTo(3);
        assertThat(err).isEqualTo("kith: cannot reach server at " + url + " (connection refused)\n");
    }

    @Test
    void badCommandLinesAreExitCode2() {
        loggedIn(server.url());
        assertThat(kith("group", "invite", "12")).isEqualTo(2);
        assertThat(err).isEqualTo("kith: give either --user USERNAME or --link\n");
        assertThat(kith("group", "frobnicate")).isEqualTo(2);
        assertThat(kith("card", "set")).isEqualTo(2);
        assertThat(kith("group", "edit", "12", "--members-may-invite", "maybe")).isEqualTo(2);
        assertThat(kith("--server", "ftp://x", "group", "list")).isEqualTo(2);
        assertThat(kith()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theSavedTokenIsNeverSentToAnotherServer() {
        loggedIn("http://kith.example.org");
        assertThat(kith("--server", server.url(), "group", "list")).isEqualTo(1);
        assertThat(err).contains("not logged in to " + server.url() + " (the saved login is for http://kith.example.org)");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void userAndKithPasswordUseBasicAuthentication() {
        server.json("GET", "/groups", 200, "groups.json");
        env.put("KITH_PASSWORD", "app-pass-1");
        env.put("KITH_SERVER", server.url());
        assertThat(kith("--user", "bob", "group", "list")).isZero();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(ApiClient.basic("bob", "app-pass-1"));
        assertThat(out).isEqualTo("""
                ID  MEMBERS  ROLE    NAME
                12  3/10     member  大学同学
                7   2        owner   Family
                """);
    }

    @Test
    void jsonOutputIsTheServersJson() throws IOException {
        loggedIn(server.url());
        server.json("GET", "/groups", 200, "groups.json");
        assertThat(kith("group", "list", "--json")).isZero();
        assertThat(Json.MAPPER.readTree(out)).isEqualTo(Json.MAPPER.readTree(FakeServer.resource("groups.json")));
    }

    @Test
    void aLinkInvitationPrintsItsCodeAndUrl() throws IOException {
        loggedIn(server.url());
        server.json("POST", "/groups/12/invitations", 201, "link-invitation.json");
        assertThat(kith("group", "invite", "12", "--link", "--max-uses", "5", "--expires-hours", "48")).isZero();
        assertThat(body(server.requests().get(0)).toString()).isEqualTo("{\"maxUses\":5,\"expiresInHours\":48}");
        assertThat(out).contains("code Xy7_k2").contains("http://kith.example/join/Xy7_k2");
    }

    @Test
    void redeemTakesACodeOrAWholeJoinLink() throws IOException {
        loggedIn(server.url());
        server.json("POST", "/invitations/redeem", 200, "group-12.json");
        assertThat(kith("redeem", "http://kith.example/join/Xy7_k2/")).isZero();
        assertThat(body(server.requests().get(0)).get("code").asText()).isEqualTo("Xy7_k2");
        assertThat(out).isEqualTo("joined group 12 \"大学同学\"\n");
        assertThat(InvitationCommands.codeOf("Xy7_k2")).isEqualTo("Xy7_k2");
        assertThat(InvitationCommands.codeOf("https://kith.example/kith/join/a%2Bb?utm=x")).isEqualTo("a+b");
    }

    @Test
    void idsFromTheCommandLineAreEncodedAsOnePathSegment() {
        loggedIn(server.url());
        server.noContent("DELETE", "/groups/12/members/a%20b%2Fc");
        assertThat(kith("group", "remove", "12", "a b/c")).isZero();
        assertThat(server.requests().get(0).uri()).isEqualTo("/api/v1/groups/12/members/a%20b%2Fc");
    }

    @Test
    void logoutRevokesTheTokenAndForgetsIt() {
        loggedIn(server.url());
        server.noContent("DELETE", "/sessions/current");
        assertThat(kith("logout")).isZero();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer tok-123");
        ConfigFile after = ConfigFile.load(config());
        assertThat(after.token()).isNull();
        assertThat(after.server()).isEqualTo(server.url());
    }

    @Test
    void syncPrintsOneLinePerGroup() {
        loggedIn(server.url());
        server.json("GET", "/groups", 200, "groups.json")
                .json("GET", "/groups/12/phonebook", 200, "phonebook-12.json")
                .json("GET", "/groups/7/phonebook", 200, "phonebook-7.json");
        assertThat(kith("sync", tmp.resolve("contacts").toString())).isZero();
        assertThat(out).isEqualTo("""
                group 12 "大学同学": 4 added, 0 updated, 0 removed
                group 7 "Family": 1 added, 0 updated, 0 removed
                """);
        assertThat(tmp.resolve("contacts/12/alice@kith.example.vcf")).exists();
    }

    @Test
    void aFolderThatCannotBeWrittenIsAPlainError() throws IOException {
        loggedIn(server.url());
        server.json("GET", "/groups", 200, "groups.json");
        Path file = tmp.resolve("not-a-dir");
        Files.writeString(file, "x");
        assertThat(kith("sync", file.toString())).isEqualTo(1);
        assertThat(err).startsWith("kith: cannot create " + file);
    }
}
