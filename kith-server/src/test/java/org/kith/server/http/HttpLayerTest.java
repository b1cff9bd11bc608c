package org.kith.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.support.Problems.assertProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.TestServer;

/** What every route shares: problems, limits, content types, methods, paths, headers. */
class HttpLayerTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static Http pia;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir);
        pia = server.register("pia");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void malformedJsonIs400AndWrongTypesAre422NamingTheField() {
        int groups = pia.get("/api/v1/groups").json().size();
        assertProblem(pia.send("PUT", "/api/v1/me/card", "application/json", "{\"fn\": ", Map.of()), 400, null);
        assertProblem(pia.send("POST", "/api/v1/groups", "application/json", "[1,2]", Map.of()), 400, null);
        assertProblem(pia.send("POST", "/api/v1/groups", "application/json", "", Map.of()), 400, null);
        assertProblem(pia.post("/api/v1/groups", Map.of("name", List.of("x"))), 422, "name");
        assertProblem(pia.post("/api/v1/groups", Map.of("name", "G", "memberLimit", 2.5)), 422, "memberLimit");
        assertProblem(pia.put("/api/v1/me/card", Map.of("fn", "P", "tel", List.of(Map.of("type", "cell",
                "value", 13800138000L)))), 422, "tel[0].value");
        assertProblem(pia.patch("/api/v1/groups/1", Map.of("membersMayInvite", "yes")), 422, "membersMayInvite");
        assertThat(pia.get("/api/v1/groups").json()).hasSize(groups); // nothing was created
    }

    @Test
    void unknownFieldsAreIgnored() {
        pia.post("/api/v1/groups", Map.of("name", "Extra", "colour", "blue", "nested", Map.of("a", 1))).expect(201);
        pia.send("POST", "/api/v1/groups", "application/json; charset=utf-8", "{\"name\":\"Charset\"}", Map.of())
                .expect(201);
    }

    @Test
    void aBodyWithoutContentTypeIs415AndChangesNothing() {
        int groups = pia.get("/api/v1/groups").json().size();
        Http.Reply r = pia.send("POST", "/api/v1/groups", null, "{\"name\":\"Plain\"}", Map.of());
        assertProblem(r, 415, null);
        assertThat(r.text("detail")).contains("Content-Type: application/json");
        assertProblem(pia.send("PUT", "/api/v1/me/card", null, "{\"fn\":\"Nobody\"}", Map.of()), 415, null);
        assertProblem(server.anonymous().send("POST", "/api/v1/accounts", null,
                "{\"username\":\"nocontenttype\",\"password\":\"long-enough-pw\"}", Map.of()), 415, null);
        assertThat(pia.get("/api/v1/groups").json()).hasSize(groups);
        assertThat(pia.get("/api/v1/me/card").text("fn")).isEqualTo("Pia");
    }

    @Test
    void jsonIsParsedStrictly() {
        int groups = pia.get("/api/v1/groups").json().size();
        Http.Reply trailing = pia.send("POST", "/api/v1/groups", "application/json", "{\"name\":\"T\"} {\"x\":1}",
                Map.of());
        assertProblem(trailing, 400, null);
        assertThat(trailing.text("detail")).contains("more after the JSON value");
        assertProblem(pia.send("POST", "/api/v1/groups", "application/json", "{\"name\":\"T\"}garbage", Map.of()),
                400, null);
        Http.Reply twice = pia.send("POST", "/api/v1/groups", "application/json",
                "{\"name\":\"A\",\"name\":\"B\"}", Map.of());
        assertProblem(twice, 400, null);
        assertThat(twice.text("detail")).contains("'name'").contains("more than once");
        assertProblem(pia.send("PUT", "/api/v1/me/card", "application/json",
                "{\"fn\":\"P\",\"note\":\"a\",\"note\":\"b\"}", Map.of()), 400, null);
        assertThat(pia.get("/api/v1/groups").json()).hasSize(groups);
    }

    @Test
    void idsHaveOneSpellingAsciiDigitsWithoutLeadingZeros() {
        String gid = server.group("Canonical", pia);
        pia.get("/api/v1/groups/" + gid).expect(200);
        assertProblem(pia.get("/api/v1/groups/0" + gid), 404, null);
        assertProblem(pia.get("/api/v1/groups/00" + gid), 404, null);
        // Arabic-Indic, full-width and Devanagari digits of the same number
        for (char zero : new char[] {'\u0660', '\uFF10', '\u0966'}) {
            StringBuilder other = new StringBuilder();
            gid.chars().forEach(c -> other.append((char) (zero + (c - '0'))));
            String encoded = java.net.URLEncoder.encode(other.toString(), StandardCharsets.UTF_8);
            assertProblem(pia.get("/api/v1/groups/" + encoded), 404, null);
        }
        assertProblem(pia.patch("/api/v1/groups/0" + gid, Map.of("name", "Renamed")), 404, null);
        assertThat(pia.get("/api/v1/groups/" + gid).text("name")).isEqualTo("Canonical");
        Http.Reply invite = pia.post("/api/v1/groups/" + gid + "/invitations", Map.of("entryId", "\u0661"));
        assertProblem(invite, 422, "entryId");
    }

    @Test
    void otherContentTypesAre415() {
        assertProblem(pia.send("POST", "/api/v1/groups", "application/xml", "<group/>", Map.of()), 415, null);
        assertProblem(pia.send("POST", "/api/v1/groups", "application/x-www-form-urlencoded", "name=x", Map.of()),
                415, null);
        assertProblem(pia.send("PUT", "/api/v1/me/card", "text/plain", "FN:x", Map.of()), 415, null);
    }

    @Test
    void bodiesOverOneMebibyteAre413AndChangeNothing() throws Exception {
        String big = "{\"fn\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(pia.send("PUT", "/api/v1/me/card", "application/json", big, Map.of()), 413, null);
        assertProblem(pia.send("PUT", "/api/v1/me/card", "text/vcard", big, Map.of()), 413, null);

        // without a declared length (sent chunked), reading stops after the limit
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/me/card"))
                .header("Authorization", pia.authorization()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(big))).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(pia.get("/api/v1/me/card").text("fn")).isEqualTo("Pia");

        // a huge declared body is refused on the headers alone, without reading it
        try (Socket s = new Socket("127.0.0.1", server.server().port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT /api/v1/me/card HTTP/1.1\r\nHost: x\r\nAuthorization: " + pia.authorization()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(5000);
            assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && sb.length() < 200) {
            sb.append((char) c);
            if (sb.indexOf("\r\n") >= 0) {
                break;
            }
        }
        return sb.toString();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithAllow() {
        assertProblem(pia.get("/api/v1/nothing-here"), 404, null);
        assertProblem(pia.get("/api/v2/groups"), 404, null);
        assertProblem(server.anonymous().get("/api/v1/nothing-here"), 404, null);
        Http.Reply r = pia.send("POST", "/api/v1/groups/1/phonebook", null, null, Map.of());
        assertProblem(r, 405, null);
        assertThat(r.header("Allow")).isEqualTo("GET");
        Http.Reply g = pia.send("PUT", "/api/v1/groups/1", "application/json", "{}", Map.of());
        assertProblem(g, 405, null);
        assertThat(g.header("Allow")).isEqualTo("GET, PATCH, DELETE");
        assertProblem(pia.send("PROPFIND", "/api/v1/groups", null, null, Map.of()), 405, null);
    }

    @Test
    void pathSegmentsArePercentDecodedOnce() {
        Http quin = server.register("quin");
        String gid = server.group("Decode", pia, "quin");
        pia.delete("/api/v1/groups/" + gid + "/members/%71uin").expect(204); // %71 = q
        assertProblem(quin.get("/api/v1/groups/" + gid), 404, null);
        // %2571 decodes once to "%71", which is nobody, not "q"
        assertProblem(pia.delete("/api/v1/groups/" + gid + "/members/%2571uin"), 404, null);
        assertProblem(pia.put("/api/v1/blocks/%E9%99%88%E9%9B%AA%E6%9D%BE", null), 404, null); // 陈雪松
        assertProblem(pia.delete("/api/v1/groups/" + gid + "/members/a%2Fb"), 404, null);
        assertProblem(pia.get("/api/v1/groups/" + gid + "%2Fmembers"), 404, null);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (Http.Reply r : List.of(pia.get("/api/v1/groups"), server.anonymous().get("/healthz"),
                server.anonymous().get("/"), server.anonymous().get("/api/v1/groups"),
                server.anonymous().get("/nope"), server.anonymous().get("/api/v1/openapi.json"))) {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Cache-Control")).isEqualTo("private, no-store");
            assertThat(r.header("Server")).isNull();
        }
    }

    @Test
    void frontDoorLeadsToTheWebUiAndHealthAnswers() {
        Http.Reply home = server.anonymous().get("/");
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.header("Location")).isEqualTo("/web/");
        assertThat(server.anonymous().get("/web/").header("Location")).isEqualTo("/web/signin");
        Http.Reply signIn = server.anonymous().get("/web/signin");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.header("Content-Type")).startsWith("text/html");
        assertThat(signIn.body()).contains("Kith");
        Http.Reply health = server.anonymous().get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");
    }

    @Test
    void basicCredentialsMayContainColonsAndNonAsciiPasswords() {
        server.anonymous().post("/api/v1/accounts", Map.of("username", "rune", "password", "pass:wörd-陈雪松",
                "displayName", "Rune")).expect(201);
        String basic = "Basic " + Base64.getEncoder().encodeToString("rune:pass:wörd-陈雪松".getBytes(StandardCharsets.UTF_8));
        pia.send("GET", "/api/v1/accounts/me", null, null, Map.of()).expect(200);
        server.anonymous().send("GET", "/api/v1/accounts/me", null, null, Map.of("Authorization", basic)).expect(200);
    }
}
