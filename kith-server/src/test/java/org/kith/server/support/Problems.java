package org.kith.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {
    private Problems() {}

    /** The reply is a problem with this status and code, naming {@code field} (or no field when null). */
    public static JsonNode assertProblem(Http.Reply reply, int status, String code, String field) {
        JsonNode p = assertProblem(reply, status, field);
        assertThat(p.path("code").asText()).as(reply.body()).isEqualTo(code);
        return p;
    }

    /** The reply is a problem with this status, naming {@code field} (or no field when null). */
    public static JsonNode assertProblem(Http.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = reply.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("https://kith.example/problems/");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.path("code").asText()).as("every problem has a code: %s", reply.body()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(reply.body()).doesNotContain("at org.", "Exception");
        if (field == null) {
            assertThat(p.has("field")).as("no field expected in %s", reply.body()).isFalse();
        } else {
            assertThat(p.path("field").asText()).as(reply.body()).isEqualTo(field);
        }
        return p;
    }
}
