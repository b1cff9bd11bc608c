package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.support.Problems.assertProblem;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.ServerTest;
import org.kith.server.support.TestServer;

/** Registration, the three ways to authenticate, revocation, and the login throttle over HTTP. */
class AuthApiTest extends ServerTest {
    @Test
    void registerThenReadMyAccountWithBasicInAnyLetterCase() {
        JsonNode account = server.anonymous().post("/api/v1/accounts", Map.of("username", "Carol",
                "password", TestServer.PASSWORD, "displayName", "Carol C", "region", "de")).expect(201).json();
        assertThat(account.get("id").isTextual()).isTrue();
        assertThat(account.get("username").asText()).isEqualTo("Carol");
        assertThat(account.get("region").asText()).isEqualTo("DE");
        assertThat(account.has("password")).isFalse();

        JsonNode me = Http.basic(server.baseUrl(), "cAROL", TestServer.PASSWORD).get("/api/v1/accounts/me")
                .expect(200).json();
        assertThat(me.get("username").asText()).isEqualTo("Carol");
        assertThat(me.get("displayName").asText()).isEqualTo("Carol C");

        assertProblem(server.anonymous().post("/api/v1/accounts", Map.of("username", "carol",
                "password", TestServer.PASSWORD, "displayName", "Other")), 409, "username");
        assertProblem(server.anonymous().post("/api/v1/accounts", Map.of("username", "dave",
                "password", "short", "displayName", "Dave")), 422, "password");
        assertProblem(server.anonymous().post("/api/v1/accounts", Map.of("username", "dave",
                "password", TestServer.PASSWORD)), 422, "displayName");
    }

    @Test
    void bearerTokensWorkUntilTheSessionEnds() {
        server.register("erin");
        Http.Reply login = server.anonymous().post("/api/v1/sessions", Map.of("username", "ERIN",
                "password", TestServer.PASSWORD)).expect(201);
        assertThat(login.text("expiresAt")).isNotBlank();
        Http bearer = Http.bearer(server.baseUrl(), login.text("token"));
        assertThat(bearer.get("/api/v1/accounts/me").expect(200).text("username")).isEqualTo("erin");

        bearer.delete("/api/v1/sessions/current").expect(204);
        Http.Reply after = bearer.get("/api/v1/accounts/me");
        assertProblem(after, 401, null);
        assertThat(after.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Kith\"");

        assertProblem(server.anonymous().post("/api/v1/sessions", Map.of("username", "erin",
                "password", "not-the-password")), 401, null);
        assertProblem(Http.bearer(server.baseUrl(), "made-up").get("/api/v1/groups"), 401, null);
    }

    @Test
    void appPasswordsAreShownOnceListedAndRevocable() {
        Http frank = server.register("frank");
        JsonNode created = frank.post("/api/v1/app-passwords", Map.of("name", "iPhone")).expect(201).json();
        String secret = created.get("password").asText();
        assertThat(created.get("name").asText()).isEqualTo("iPhone");
        assertThat(created.get("lastUsedAt").isNull()).isTrue();

        Http phone = Http.basic(server.baseUrl(), "frank", secret);
        assertThat(phone.get("/api/v1/accounts/me").expect(200).text("username")).isEqualTo("frank");
        JsonNode list = frank.get("/api/v1/app-passwords").expect(200).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).has("password")).isFalse();
        assertThat(list.get(0).get("lastUsedAt").isNull()).isFalse();

        // another account's app password is not this one's
        assertProblem(Http.basic(server.baseUrl(), "erin-not-here", secret).get("/api/v1/accounts/me"), 401, null);
        Http grace = server.register("grace");
        assertProblem(grace.delete("/api/v1/app-passwords/" + created.get("id").asText()), 404, null);
        assertProblem(frank.delete("/api/v1/app-passwords/not-a-number"), 404, null);

        frank.delete("/api/v1/app-passwords/" + created.get("id").asText()).expect(204);
        assertProblem(phone.get("/api/v1/accounts/me"), 401, null);
        assertThat(frank.get("/api/v1/app-passwords").json()).isEmpty();
        assertProblem(frank.post("/api/v1/app-passwords", Map.of("name", " ")), 422, "name");
    }

    @Test
    void everyApiRouteButRegistrationLoginAndTheDocumentNeedsCredentials() {
        for (String path : new String[] {"/api/v1/accounts/me", "/api/v1/groups", "/api/v1/me/card",
                "/api/v1/invitations", "/api/v1/blocks", "/api/v1/app-passwords", "/api/v1/events",
                "/api/v1/groups/1/phonebook"}) {
            Http.Reply r = server.anonymous().get(path);
            assertProblem(r, 401, null);
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Kith\"");
        }
        assertProblem(server.anonymous().send("GET", "/api/v1/groups", null, null,
                Map.of("Authorization", "Digest whatever")), 401, null);
        assertProblem(server.anonymous().send("GET", "/api/v1/groups", null, null,
                Map.of("Authorization", "Basic !!!not-base64")), 401, null);
        server.anonymous().get("/api/v1/openapi.json").expect(200);
        server.anonymous().get("/healthz").expect(200);
    }

    @Test
    void repeatedFailuresAreThrottledWithRetryAfter() {
        Http henry = server.register("henry");
        // ten wrong guesses are each refused as wrong; the eleventh is not even checked
        for (int i = 0; i < 10; i++) {
            assertThat(Http.basic(server.baseUrl(), "henry", "guess-" + i).get("/api/v1/accounts/me").status())
                    .as("guess " + (i + 1)).isEqualTo(401);
        }
        assertThat(Http.basic(server.baseUrl(), "henry", "guess-10").get("/api/v1/accounts/me").status()).isEqualTo(429);
        Http.Reply throttled = henry.get("/api/v1/accounts/me"); // even the right password waits now
        assertProblem(throttled, 429, null);
        // the test clock stands still: the first failure leaves the 15-minute window in exactly 900 s
        assertThat(throttled.header("Retry-After")).isEqualTo("900");
        assertProblem(server.anonymous().post("/api/v1/sessions", Map.of("username", "henry",
                "password", TestServer.PASSWORD)), 429, null);
    }
}
