package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.http.Route;
import org.kith.server.support.TestServer;

/**
 * The served OpenAPI document carries what the route table says of each route (parameters,
 * bodies, security). It is generated from that table, so this is a check of the generator;
 * {@link RestContractTest} holds the document against docs/REST.md and the real server.
 */
class OpenApiDocTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir);
        doc = server.anonymous().get("/api/v1/openapi.json").expect(200).json();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyRouteInTheTableIsDocumentedWithItsParametersAndBodies() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        List<Route> routes = server.server().routes();
        assertThat(routes).hasSizeGreaterThan(30);
        int operations = 0;
        for (JsonNode item : doc.get("paths")) {
            operations += item.size();
        }
        assertThat(operations).isEqualTo(routes.size());
        for (Route r : routes) {
            JsonNode op = doc.get("paths").path(r.template()).path(r.method().toLowerCase(Locale.ROOT));
            assertThat(op.isObject()).as(r.method() + " " + r.template()).isTrue();
            assertThat(op.get("summary").asText()).isEqualTo(r.summary());
            Set<String> pathParams = new HashSet<>();
            op.path("parameters").forEach(p -> {
                if (p.get("in").asText().equals("path")) {
                    pathParams.add(p.get("name").asText());
                }
            });
            assertThat(pathParams).as(r.template()).containsExactlyInAnyOrderElementsOf(r.variables());
            assertThat(op.has("requestBody")).as(r.method() + " " + r.template()).isEqualTo(r.doc().request() != null);
            assertThat(op.get("responses").has(Integer.toString(r.doc().status()))).isTrue();
            assertThat(op.has("security") && op.get("security").isEmpty()).isEqualTo(!r.authenticated());
        }
    }

    @Test
    void routesThatTakeJsonDocumentABody() {
        for (Route r : server.server().routes()) {
            if (List.of("PUT", "PATCH").contains(r.method()) && !r.template().startsWith("/api/v1/blocks/")) {
                assertThat(r.doc().request()).as(r.method() + " " + r.template()).isNotNull();
            }
        }
    }

    @Test
    void everySchemaReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            String name = ref.substring("#/components/schemas/".length());
            assertThat(doc.get("components").get("schemas").has(name)).as(ref).isTrue();
        }
    }

    @Test
    void theContractsPathsArePresent() {
        for (String path : List.of("/api/v1/accounts", "/api/v1/accounts/me", "/api/v1/sessions",
                "/api/v1/sessions/current", "/api/v1/me/card", "/api/v1/app-passwords", "/api/v1/app-passwords/{id}",
                "/api/v1/groups", "/api/v1/groups/{id}", "/api/v1/groups/{id}/members",
                "/api/v1/groups/{id}/members/{username}", "/api/v1/groups/{id}/owner", "/api/v1/groups/{id}/entries",
                "/api/v1/groups/{id}/entries/{entryId}", "/api/v1/groups/{id}/invitations",
                "/api/v1/groups/{id}/invitations/{invId}", "/api/v1/invitations", "/api/v1/invitations/{id}/accept",
                "/api/v1/invitations/{id}/decline", "/api/v1/invitations/redeem", "/api/v1/blocks",
                "/api/v1/blocks/{username}", "/api/v1/groups/{id}/phonebook", "/api/v1/groups/{id}/changes",
                "/api/v1/events", "/api/v1/openapi.json")) {
            assertThat(doc.get("paths").has(path)).as(path).isTrue();
        }
        JsonNode group = doc.get("components").get("schemas").get("Group").get("properties");
        assertThat(group.has("membersMayInvite")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1events/get/responses/200/content").has("text/event-stream")).isTrue();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
