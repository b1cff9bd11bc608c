package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.support.Problems.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kith.core.error.ErrorCode;
import org.kith.server.support.Http;
import org.kith.server.support.ServerTest;

/** Every REST error names what went wrong with a stable code and its arguments, beside the English detail. */
class ProblemCodesTest extends ServerTest {
    @Test
    void anUnknownOrHiddenGroupIsGroupNotFound() {
        Http owner = server.register("codeowner");
        Http stranger = server.register("codestranger");
        String gid = server.group("Codes", owner);
        for (Http.Reply r : List.of(stranger.get("/api/v1/groups/" + gid), owner.get("/api/v1/groups/99999999"),
                owner.get("/api/v1/groups/not-a-number"), stranger.get("/api/v1/groups/" + gid + "/members"))) {
            JsonNode p = assertProblem(r, 404, "group-not-found", null);
            assertThat(p.has("args")).isFalse();
        }
    }

    @Test
    void aFullGroupIsMemberLimitReachedWithTheLimit() {
        Http owner = server.register("fullowner");
        String gid = owner.post("/api/v1/groups", Map.of("name", "Tiny", "memberLimit", 1)).expect(201).text("id");
        JsonNode p = assertProblem(owner.post("/api/v1/groups/" + gid + "/entries",
                Map.of("card", Map.of("fn", "Grandma"))), 409, "member-limit-reached", null);
        assertThat(p.get("args").get("limit").asInt()).isEqualTo(1);
        assertThat(p.get("detail").asText()).contains("member limit 1");
    }

    @Test
    void aStaleIfMatchIsCardChanged() {
        Http me = server.register("staleme");
        String etag = me.get("/api/v1/me/card").expect(200).header("ETag");
        String card = Http.toJson(Map.of("fn", "Stale Me"));
        me.send("PUT", "/api/v1/me/card", "application/json", card, Map.of("If-Match", etag)).expect(200);
        assertProblem(me.send("PUT", "/api/v1/me/card", "application/json", card, Map.of("If-Match", etag)),
                412, "card-changed", null);
    }

    @Test
    void aBadPhoneNumberIsTelInvalidAtItsFieldWithTheNumberAndRegion() {
        Http me = server.register("telme");
        JsonNode p = assertProblem(me.put("/api/v1/me/card", Map.of("fn", "Tel Me",
                "tel", List.of(Map.of("type", "cell", "value", "12")))), 422, "tel-invalid", "tel[0].value");
        assertThat(p.get("args").get("number").asText()).isEqualTo("12");
        assertThat(p.get("args").get("region").asText()).isEqualTo("CN");

        // in an entry the card sits under "card": the field moves, the code and arguments stay
        Http owner = server.register("telowner");
        String gid = server.group("Tel", owner);
        JsonNode entry = assertProblem(owner.post("/api/v1/groups/" + gid + "/entries", Map.of("card",
                Map.of("fn", "Aunt", "tel", List.of(Map.of("type", "cell", "value", "12"))))),
                422, "tel-invalid", "card.tel[0].value");
        assertThat(entry.get("args").get("number").asText()).isEqualTo("12");
    }

    @Test
    void theOpenApiProblemSchemaDeclaresWhatProblemsReallyCarry() {
        JsonNode schema = server.anonymous().get("/api/v1/openapi.json").expect(200).json()
                .path("components").path("schemas").path("Problem");
        Http me = server.register("schemame");
        JsonNode p = assertProblem(me.put("/api/v1/me/card", Map.of("fn", "S",
                "tel", List.of(Map.of("type", "cell", "value", "12")))), 422, "tel-invalid", "tel[0].value");
        p.fieldNames().forEachRemaining(name -> assertThat(schema.path("properties").has(name)).as(name).isTrue());
        schema.path("required").forEach(name -> assertThat(p.has(name.asText())).as(name.asText()).isTrue());
        assertThat(schema.path("required").toString()).contains("\"code\"");
    }

    @Test
    void docsRestListsEveryCodeWithItsArguments() throws IOException {
        String doc = Files.readString(Path.of("../docs/REST.md"));
        String codes = doc.substring(doc.indexOf("## Error codes"));
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(codes).as(code.wire()).contains("`" + code.wire() + "`");
            code.args().forEach(arg -> assertThat(codes).as(code.wire() + " " + arg).contains(arg));
        }
    }

    @Test
    void refusalsByHttpItselfUseTheirSlugAsCode() {
        Http me = server.register("httpme");
        assertProblem(me.send("PUT", "/api/v1/me/card", "text/plain", "hello", Map.of()), 415,
                "unsupported-media-type", null);
        assertProblem(me.get("/api/v1/nowhere"), 404, "not-found", null);
        assertProblem(server.anonymous().get("/api/v1/groups"), 401, "sign-in-required", null);
    }
}
