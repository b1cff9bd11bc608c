package org.kith.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.kith.e2e.support.Cli;
import org.kith.e2e.support.EventStream;
import org.kith.e2e.support.ServerProcess;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.Http;
import org.kith.server.support.TestDatabase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * An account's own lifecycle through a real server, the REST API, CardDAV, the event stream and
 * the real CLI: changing the password, exporting, and deleting the account as the other members
 * see it. Run on each database.
 */
@Databases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountLifecycleTest {
    private static final String PW = "password-123";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @Parameter
    Database db;
    private Path tmp;
    private TestDatabase database;
    private ServerProcess server;

    @BeforeParameterizedClassInvocation
    void start() throws Exception {
        tmp = Files.createTempDirectory("kith-account-lifecycle");
        database = db.create();
        server = ServerProcess.start(tmp.resolve("data"), database.url());
    }

    @AfterParameterizedClassInvocation
    void stop() throws Exception {
        server.close();
        database.close();
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Http register(String user) {
        Http.anonymous(server.baseUrl()).post("/api/v1/accounts",
                Map.of("username", user, "password", PW, "displayName", user.toUpperCase())).expect(201);
        return as(user);
    }

    private Http as(String user) {
        return Http.basic(server.baseUrl(), user, PW);
    }

    private String groupOf(String owner, String name, String... members) {
        String gid = as(owner).post("/api/v1/groups", Map.of("name", name)).expect(201).text("id");
        for (String m : members) {
            String inv = as(owner).post("/api/v1/groups/" + gid + "/invitations", Map.of("username", m)).expect(201)
                    .text("id");
            as(m).post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
        }
        return gid;
    }

    private String uidIn(String viewer, String gid, String username) {
        for (JsonNode c : as(viewer).get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("cards")) {
            if (username.equals(c.path("username").asText())) {
                return c.get("uid").asText();
            }
        }
        throw new AssertionError(username + " is not in " + viewer + "'s phonebook of group " + gid);
    }

    // ---- deleting -------------------------------------------------------------------------

    @Test
    void aDeletedAccountDisappearsFromEveryMembersRestDavAndEventStream() throws Exception {
        register("del-ann");
        register("del-ben");
        register("del-cat");
        String club = groupOf("del-ann", "Club", "del-ben", "del-cat");
        String alone = groupOf("del-ann", "Alone");
        String annUid = uidIn("del-ben", club, "del-ann");
        String restToken = as("del-ben").get("/api/v1/groups/" + club + "/phonebook").expect(200).text("syncToken");
        String groupBook = "/dav/addressbooks/del-ben/group-" + club + "/";
        String mergedBook = "/dav/addressbooks/del-ben/all/";
        String groupToken = sync("del-ben", groupBook, "").token();
        String mergedToken = sync("del-ben", mergedBook, "").token();

        // a wrong password is refused, says why, and changes nothing
        Http.Reply wrong = as("del-ann").send("DELETE", "/api/v1/accounts/me", "application/json",
                "{\"password\":\"not-my-password\"}", Map.of());
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asText()).isEqualTo("password-wrong");
        assertThat(uidIn("del-ben", club, "del-ann")).isEqualTo(annUid);

        try (EventStream events = new EventStream(server.baseUrl(), "del-ben", PW, null).connected()) {
            as("del-ann").send("DELETE", "/api/v1/accounts/me", "application/json",
                    Http.toJson(Map.of("password", PW)), Map.of()).expect(204);

            List<EventStream.Event> before = events.eventsBefore("the card of del-ann removed", DEADLINE,
                    e -> e.type().equals("card") && e.data().contains("\"op\":\"removed\"")
                            && e.data().contains(annUid));
            assertThat(before).noneMatch(e -> e.data().contains("\"op\":\"updated\"") && e.data().contains(annUid));
        }
        JsonNode changes = as("del-ben").get("/api/v1/groups/" + club + "/changes?since=" + restToken).expect(200).json();
        assertThat(texts(changes.get("removed"))).containsExactly(annUid);
        assertThat(sync("del-ben", groupBook, groupToken).gone()).containsExactly(groupBook + annUid + ".vcf");
        assertThat(sync("del-ben", mergedBook, mergedToken).gone()).contains(mergedBook + annUid + ".vcf");

        // the group passes to the longest-standing member; the group ann was alone in is gone
        JsonNode group = as("del-ben").get("/api/v1/groups/" + club).expect(200).json();
        assertThat(group.get("owner").asText()).isEqualTo("del-ben");
        assertThat(texts(as("del-cat").get("/api/v1/groups/" + club + "/members").expect(200).json(), "username"))
                .containsExactly("del-ben", "del-cat");
        assertThat(as("del-ann").get("/api/v1/groups/" + alone).status()).isEqualTo(401);
        // the account no longer signs in anywhere, and its name is free
        assertThat(as("del-ann").get("/api/v1/accounts/me").status()).isEqualTo(401);
        assertThat(dav("del-ann", PW, "PROPFIND", "/dav/addressbooks/del-ann/", null).statusCode()).isEqualTo(401);
        register("del-ann");
        assertThat(as("del-ann").get("/api/v1/groups").expect(200).json()).isEmpty();
    }

    @Test
    void theCliDeletesOnlyWithConfirmationAndTheRightPassword() throws Exception {
        register("cli-del");
        Cli cli = new Cli(server.baseUrl(), tmp.resolve("cli-del"));
        cli.runWithInput(PW + "\n", "login", "cli-del", "--password-stdin").ok();
        Cli.Result unconfirmed = cli.runWithInput(PW + "\n", "account", "delete", "--password-stdin");
        assertThat(unconfirmed.exitCode()).isNotZero();
        assertThat(unconfirmed.err()).contains("--yes");
        Cli.Result wrongPassword = cli.runWithInput("nope-nope\n", "account", "delete", "--yes", "--password-stdin");
        assertThat(wrongPassword.exitCode()).isNotZero();
        assertThat(wrongPassword.err()).contains("password is wrong");
        assertThat(as("cli-del").get("/api/v1/accounts/me").status()).isEqualTo(200);

        assertThat(cli.runWithInput(PW + "\n", "account", "delete", "--yes", "--password-stdin").ok().out())
                .contains("account deleted");
        assertThat(as("cli-del").get("/api/v1/accounts/me").status()).isEqualTo(401);
    }

    // ---- the password -----------------------------------------------------------------------

    @Test
    void aNewPasswordEndsOtherSessionsButNotThisOneNorAppPasswords() throws Exception {
        register("pw-ann");
        String mine = login("pw-ann", PW);
        String other = login("pw-ann", PW);
        String device = as("pw-ann").post("/api/v1/app-passwords", Map.of("name", "phone")).expect(201).text("password");
        Http me = Http.bearer(server.baseUrl(), mine);

        Http.Reply wrong = me.put("/api/v1/accounts/me/password", Map.of("current", "not-it-at-all", "new", "next-pass-1"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asText()).isEqualTo("password-wrong");
        assertThat(Http.bearer(server.baseUrl(), other).get("/api/v1/accounts/me").status()).isEqualTo(200);
        assertThat(me.put("/api/v1/accounts/me/password", Map.of("current", PW, "new", "short")).json()
                .get("code").asText()).isEqualTo("password-too-short");

        me.put("/api/v1/accounts/me/password", Map.of("current", PW, "new", "next-pass-1")).expect(204);

        assertThat(me.get("/api/v1/accounts/me").status()).isEqualTo(200);
        assertThat(Http.bearer(server.baseUrl(), other).get("/api/v1/accounts/me").status()).isEqualTo(401);
        assertThat(Http.basic(server.baseUrl(), "pw-ann", device).get("/api/v1/accounts/me").status()).isEqualTo(200);
        assertThat(dav("pw-ann", device, "PROPFIND", "/dav/addressbooks/pw-ann/", null).statusCode()).isEqualTo(207);
        assertThat(as("pw-ann").get("/api/v1/accounts/me").status()).isEqualTo(401);
        assertThat(Http.basic(server.baseUrl(), "pw-ann", "next-pass-1").get("/api/v1/accounts/me").status())
                .isEqualTo(200);
    }

    @Test
    void theCliChangesThePasswordNameAndRegion() throws Exception {
        register("cli-pw");
        Cli cli = new Cli(server.baseUrl(), tmp.resolve("cli-pw"));
        cli.runWithInput(PW + "\n", "login", "cli-pw", "--password-stdin").ok();
        Cli.Result wrong = cli.runWithInput("wrong-one-1\nnew-pass-22\n", "account", "password", "--password-stdin");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("password is wrong");

        cli.runWithInput(PW + "\nnew-pass-22\n", "account", "password", "--password-stdin").ok();
        // the CLI's own session survives the change
        assertThat(cli.run("whoami").ok().out()).contains("cli-pw");
        assertThat(Http.basic(server.baseUrl(), "cli-pw", "new-pass-22").get("/api/v1/accounts/me").status())
                .isEqualTo(200);

        assertThat(cli.run("account", "set", "--display-name", "Ann Lee", "--region", "us").ok().out())
                .contains("\"Ann Lee\"", "region US");
        JsonNode me = Http.basic(server.baseUrl(), "cli-pw", "new-pass-22").get("/api/v1/accounts/me").expect(200).json();
        assertThat(List.of(me.get("displayName").asText(), me.get("region").asText())).containsExactly("Ann Lee", "US");
        Cli.Result badRegion = cli.run("account", "set", "--region", "XX");
        assertThat(badRegion.exitCode()).isNotZero();
        assertThat(badRegion.err()).contains("XX");
    }

    // ---- the export -------------------------------------------------------------------------

    @Test
    void theExportHoldsMyCardBooksMembershipsAndBlocks() throws Exception {
        register("exp-ann");
        register("exp-ben");
        String club = groupOf("exp-ben", "Exporters", "exp-ann");
        as("exp-ann").put("/api/v1/me/card", Map.of("fn", "Ann Export", "tel",
                List.of(Map.of("type", "cell", "value", "138 0013 8000")))).expect(200);
        String friend = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:friend-1\r\nFN:Friend One\r\nX-KEPT:yes\r\nEND:VCARD\r\n";
        assertThat(dav("exp-ann", PW, "PUT", "/dav/addressbooks/exp-ann/contacts/friend.vcf", friend).statusCode())
                .isEqualTo(201);
        as("exp-ann").put("/api/v1/blocks/exp-ben", Map.of()).expect(204);
        Cli cli = new Cli(server.baseUrl(), tmp.resolve("exp-ann"));
        cli.runWithInput(PW + "\n", "login", "exp-ann", "--password-stdin").ok();
        Path file = tmp.resolve("exp-ann.zip");

        assertThat(cli.run("account", "export", file.toString()).ok().out()).contains("wrote");

        Map<String, String> zip = unzip(Files.readAllBytes(file));
        assertThat(zip.keySet()).containsExactlyInAnyOrder("account.json", "card.vcf", "books/contacts.vcf",
                "memberships.json", "blocks.json");
        VCard card = Ezvcard.parse(zip.get("card.vcf")).first();
        assertThat(card.getFormattedName().getValue()).isEqualTo("Ann Export");
        assertThat(card.getTelephoneNumbers().get(0).getText()).isEqualTo("138 0013 8000");
        assertThat(card.getUid().getValue()).isEqualTo(uidIn("exp-ann", club, "exp-ann"));
        List<VCard> book = Ezvcard.parse(zip.get("books/contacts.vcf")).all();
        assertThat(book).extracting(v -> v.getUid().getValue()).containsExactly("friend-1");
        assertThat(zip.get("books/contacts.vcf")).isEqualTo(friend);
        JsonNode memberships = JSON.readTree(zip.get("memberships.json"));
        assertThat(memberships).hasSize(1);
        assertThat(List.of(memberships.get(0).get("groupId").asText(), memberships.get(0).get("groupName").asText(),
                memberships.get(0).get("role").asText())).containsExactly(club, "Exporters", "member");
        assertThat(texts(JSON.readTree(zip.get("blocks.json")), "username")).containsExactly("exp-ben");
        assertThat(JSON.readTree(zip.get("account.json")).get("username").asText()).isEqualTo("exp-ann");
        // REST gives the same document
        HttpResponse<byte[]> rest = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/v1/accounts/me/export")).header("Authorization", as("exp-ann").authorization()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(rest.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(unzip(rest.body())).isEqualTo(zip);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private String login(String user, String password) {
        return Http.anonymous(server.baseUrl()).post("/api/v1/sessions", Map.of("username", user, "password", password))
                .expect(201).text("token");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private HttpResponse<String> dav(String user, String password, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(20));
        if (method.equals("PROPFIND") || method.equals("REPORT")) {
            b.header("Depth", method.equals("PROPFIND") ? "1" : "0");
        }
        if (method.equals("PUT")) {
            b.header("Content-Type", "text/vcard; charset=utf-8");
        } else if (body != null) {
            b.header("Content-Type", "application/xml; charset=utf-8");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A sync-collection answer: its new token and the hrefs it reports gone (404). */
    private record Sync(String token, List<String> gone) {}

    private Sync sync(String user, String book, String token) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
                + token + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
                + "</d:sync-collection>";
        HttpResponse<String> r = dav(user, PW, "REPORT", book, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(r.body())));
        List<String> gone = new ArrayList<>();
        NodeList responses = doc.getElementsByTagNameNS("DAV:", "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element resp = (Element) responses.item(i);
            Element status = (Element) resp.getElementsByTagNameNS("DAV:", "status").item(0);
            if (status != null && status.getParentNode() == resp && status.getTextContent().contains("404")) {
                gone.add(resp.getElementsByTagNameNS("DAV:", "href").item(0).getTextContent().strip());
            }
        }
        String newToken = doc.getElementsByTagNameNS("DAV:", "sync-token").item(0).getTextContent().strip();
        return new Sync(newToken, gone);
    }
}
