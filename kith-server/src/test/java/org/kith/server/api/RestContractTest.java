package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.SseClient;
import org.kith.server.support.TestServer;

/**
 * Three sources that must agree, none generated from another: the endpoint table people read
 * (docs/REST.md), the OpenAPI document the server serves, and what the server does when each
 * endpoint is called. The served document is generated from the route table, so checking it
 * against that table proves little; here every documented operation is called on a real server
 * with real ids and must answer the success status REST.md promises, and every other method on a
 * documented path must be 405 naming exactly the documented ones.
 */
class RestContractTest {
    private static final Path REST_MD = Path.of("..", "docs", "REST.md");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]*)`( \\(full path\\))? \\|[^|]*\\| ([0-9]{3}|`text/event-stream`|the OpenAPI)");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String PW = TestServer.PASSWORD;
    private static final AtomicInteger FIXTURES = new AtomicInteger();

    @TempDir
    static Path dir;
    static TestServer server;
    /** "METHOD /api/v1/template" → the success status REST.md gives. */
    static Map<String, Integer> documented;
    static JsonNode served;

    @BeforeAll
    static void start() throws Exception {
        // push registrations point at a loopback port nobody listens on: pushes never leave the machine
        server = TestServer.start(dir, "--push-allow-hosts", "127.0.0.1");
        documented = readRestMd();
        served = server.anonymous().get("/api/v1/openapi.json").expect(200).json();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The endpoint tables of docs/REST.md (paths under /api/v1 unless marked "full path"), query strings left off. */
    private static Map<String, Integer> readRestMd() throws IOException {
        Map<String, Integer> ops = new TreeMap<>();
        for (String line : Files.readAllLines(REST_MD)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                String path = (m.group(3) == null ? "/api/v1" : "") + m.group(2).replaceAll("\\?.*", "");
                int status = m.group(4).matches("[0-9]{3}") ? Integer.parseInt(m.group(4)) : 200;
                ops.put(m.group(1) + " " + path, status);
            }
        }
        return ops;
    }

    private static Map<String, Set<String>> methodsByPath(Set<String> operations) {
        Map<String, Set<String>> byPath = new TreeMap<>();
        for (String op : operations) {
            String[] parts = op.split(" ", 2);
            byPath.computeIfAbsent(parts[1], p -> new TreeSet<>()).add(parts[0]);
        }
        return byPath;
    }

    @Test
    void theServedDocumentHasExactlyTheOperationsOfRestMdWithTheirSuccessStatus() {
        assertThat(documented).as("endpoints found in " + REST_MD).hasSizeGreaterThan(30);
        Map<String, Integer> inDocument = new TreeMap<>();
        served.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                inDocument.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), 0)));
        assertThat(inDocument.keySet()).containsExactlyInAnyOrderElementsOf(documented.keySet());
        documented.forEach((op, status) -> {
            String[] parts = op.split(" ", 2);
            JsonNode responses = served.get("paths").get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT)).get("responses");
            assertThat(responses.has(Integer.toString(status))).as(op + " documents " + status).isTrue();
        });
    }

    @Test
    void everyDocumentedOperationAnswersItsSuccessStatusOnTheRealServer() throws Exception {
        Map<String, Integer> answered = new TreeMap<>();
        for (String op : documented.keySet()) {
            answered.put(op, call(op));
        }
        assertThat(answered).isEqualTo(documented);
    }

    @Test
    void everyOtherMethodOnADocumentedPathIs405NamingTheDocumentedOnes() {
        Fixture f = new Fixture();
        Map<String, String> wrong = new TreeMap<>();
        methodsByPath(documented.keySet()).forEach((template, allowed) -> {
            String path = f.fill(template);
            for (String method : METHODS) {
                if (allowed.contains(method)) {
                    continue;
                }
                Http.Reply r = f.owner.send(method, path, "application/json", "{}", Map.of());
                Set<String> allow = new TreeSet<>();
                if (r.header("Allow") != null) {
                    for (String m : r.header("Allow").split(",")) {
                        if (METHODS.contains(m.strip())) { // CardDAV's methods on "/" are docs/CARDDAV.md's
                            allow.add(m.strip());
                        }
                    }
                }
                if (r.status() != 405 || !allow.equals(allowed)) {
                    wrong.put(method + " " + template, r.status() + " Allow: " + allow + ", documented: " + allowed);
                }
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(f.owner.get("/api/v1/no-such-endpoint").status()).isEqualTo(404);
    }

    /** A phone's push registration (WebDAV-Push) for the merged book; returns its id. */
    private static String registerPush(Http owner, String user) {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
            g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            var key = (java.security.interfaces.ECPublicKey) g.generateKeyPair().getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            for (int i = 0; i < 2; i++) {
                byte[] c = (i == 0 ? key.getW().getAffineX() : key.getW().getAffineY()).toByteArray();
                int len = Math.min(c.length, 32);
                System.arraycopy(c, c.length - len, point, 1 + 32 * i + 32 - len, len);
            }
            var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            String location = owner.send("POST", "/dav/addressbooks/" + user + "/all/", "application/xml",
                    "<push-register xmlns=\"https://bitfire.at/webdav-push\"><subscription><web-push-subscription>"
                            + "<push-resource>http://127.0.0.1:9/push/" + user + "</push-resource>"
                            + "<subscription-public-key type=\"p256dh\">" + b64.encodeToString(point)
                            + "</subscription-public-key><auth-secret>" + b64.encodeToString(new byte[16])
                            + "</auth-secret></web-push-subscription></subscription></push-register>", Map.of())
                    .expect(201).header("Location");
            return location.substring(location.lastIndexOf('/') + 1);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls one documented operation as the person it is for, on a fresh fixture; returns the status. */
    private static int call(String op) throws Exception {
        Fixture f = new Fixture();
        String[] parts = op.split(" ", 2);
        String method = parts[0];
        String path = f.fill(parts[1]);
        Http as = f.owner;
        Object body = null;
        switch (op) {
            case "POST /api/v1/accounts" -> {
                as = server.anonymous();
                body = Map.of("username", "new" + f.n, "password", PW, "displayName", "New");
            }
            case "POST /api/v1/sessions" -> {
                as = server.anonymous();
                body = Map.of("username", f.ownerName, "password", PW);
            }
            case "DELETE /api/v1/sessions/current" -> as = Http.bearer(server.baseUrl(), server.anonymous()
                    .post("/api/v1/sessions", Map.of("username", f.ownerName, "password", PW)).expect(201).text("token"));
            case "PATCH /api/v1/accounts/me" -> body = Map.of("displayName", "Renamed Owner");
            case "PUT /api/v1/accounts/me/password" -> body = Map.of("current", PW, "new", PW + "-new");
            case "DELETE /api/v1/accounts/me" -> body = Map.of("password", PW);
            case "PUT /api/v1/me/card" -> body = Map.of("fn", "Owner");
            case "POST /api/v1/app-passwords" -> body = Map.of("name", "phone");
            case "POST /api/v1/directory-tokens" -> body = Map.of("name", "lobby phone");
            case "POST /api/v1/groups" -> body = Map.of("name", "Another");
            case "PATCH /api/v1/groups/{id}" -> body = Map.of("name", "Renamed");
            case "POST /api/v1/groups/{id}/owner" -> body = Map.of("username", f.memberName);
            case "POST /api/v1/groups/{id}/entries" -> body = Map.of("card", Map.of("fn", "Grandma"));
            case "PUT /api/v1/groups/{id}/entries/{entryId}" -> body = Map.of("card", Map.of("fn", "Grandpa"));
            case "POST /api/v1/groups/{id}/invitations" -> body = Map.of("maxUses", 3, "expiresInHours", 24);
            case "GET /api/v1/invitations" -> as = f.invitee;
            case "POST /api/v1/invitations/{id}/accept", "POST /api/v1/invitations/{id}/decline" -> {
                as = f.invitee;
                body = Map.of();
            }
            case "POST /api/v1/invitations/redeem" -> {
                as = f.invitee;
                body = Map.of("code", f.linkCode);
            }
            case "PUT /api/v1/blocks/{username}" -> body = Map.of();
            case "GET /api/v1/groups/{id}/changes" -> path += "?since=" + f.owner.get("/api/v1/groups/" + f.group
                    + "/phonebook").expect(200).text("syncToken");
            case "GET /api/v1/openapi.json", "GET /", "GET /healthz" -> as = server.anonymous();
            case "GET /api/v1/events" -> {
                try (SseClient stream = new SseClient(server.baseUrl() + path, as.authorization(), null)) {
                    return stream.response().statusCode();
                }
            }
            default -> {
                if (!List.of("GET", "DELETE").contains(method)) {
                    throw new AssertionError(op + " is documented but this test does not know how to call it: "
                            + "add it to RestContractTest.call");
                }
            }
        }
        Http.Reply r = body == null ? as.send(method, path, null, null, Map.of())
                : as.send(method, path, "application/json", Http.toJson(body), Map.of());
        if (r.status() != documented.get(op)) {
            System.out.println(op + " answered " + r.status() + ": " + r.body());
        }
        return r.status();
    }

    /**
     * What every operation may need, fresh each time so that no call depends on another: an owner
     * with a group, a member in it (blocked by the owner), a managed entry, an invitation for a
     * third person, a link, an app password.
     */
    private static final class Fixture {
        final int n = FIXTURES.incrementAndGet();
        final String ownerName = "owner" + n;
        final String memberName = "member" + n;
        final Http owner = server.register(ownerName);
        final Http member = server.register(memberName);
        final Http invitee = server.register("invitee" + n);
        final String group = server.group("Club " + n, owner, memberName);
        final String entry = owner.post("/api/v1/groups/" + group + "/entries", Map.of("card", Map.of("fn", "Aunt")))
                .expect(201).text("id");
        final String invitation = owner.post("/api/v1/groups/" + group + "/invitations",
                Map.of("username", "invitee" + n)).expect(201).text("id");
        final String linkCode = owner.post("/api/v1/groups/" + group + "/invitations",
                Map.of("maxUses", 5, "expiresInHours", 24)).expect(201).text("code");
        final String appPassword = owner.post("/api/v1/app-passwords", Map.of("name", "laptop")).expect(201).text("id");
        final String pushRegistration = registerPush(owner, ownerName);
        final JsonNode directoryToken = owner.post("/api/v1/directory-tokens", Map.of("name", "desk")).expect(201).json();

        Fixture() {
            owner.put("/api/v1/blocks/" + memberName, Map.of()).expect(204);
        }

        /** The template with each parameter replaced by this fixture's id for it. */
        String fill(String template) {
            List<String> out = new ArrayList<>();
            for (String segment : template.split("/", -1)) {
                out.add(switch (segment) {
                    case "{id}" -> template.startsWith("/api/v1/app-passwords/") ? appPassword
                            : template.startsWith("/api/v1/push-registrations/") ? pushRegistration
                            : template.startsWith("/api/v1/directory-tokens/") ? directoryToken.get("id").asText()
                            : template.startsWith("/api/v1/invitations/") ? invitation : group;
                    case "{token}" -> directoryToken.get("token").asText();
                    case "{entryId}" -> entry;
                    case "{invId}" -> invitation;
                    case "{username}" -> memberName;
                    default -> {
                        if (segment.startsWith("{")) {
                            throw new AssertionError("no value for " + segment + " in " + template
                                    + ": add it to RestContractTest.Fixture.fill");
                        }
                        yield segment;
                    }
                });
            }
            return String.join("/", out);
        }
    }
}
