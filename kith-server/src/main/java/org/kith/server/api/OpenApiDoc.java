package org.kith.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kith.server.http.Route;

/**
 * The OpenAPI 3.1 document, generated from the route table (so every served route is in it)
 * plus the hand-written {@link ApiSchemas}.
 */
public final class OpenApiDoc {
    private OpenApiDoc() {}

    /** The document for {@code routes}, as a JSON-ready tree. */
    public static Map<String, Object> document(List<Route> routes) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.template(),
                    k -> new LinkedHashMap<>());
            item.put(r.method().toLowerCase(Locale.ROOT), operation(r));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Kith", "version", "1",
                "description", "Group phonebooks that keep themselves up to date. Ids are strings; errors are "
                        + "RFC 9457 problems naming the offending field."));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic",
                                "description", "account password or an app password"),
                        "bearer", Map.of("type", "http", "scheme", "bearer",
                                "description", "a token from POST /api/v1/sessions")),
                "schemas", ApiSchemas.all()));
        doc.put("security", List.of(Map.of("basic", List.of()), Map.of("bearer", List.of())));
        return doc;
    }

    private static Map<String, Object> operation(Route r) {
        Route.Doc d = r.doc();
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId(r));
        op.put("summary", r.summary());
        List<Object> params = new ArrayList<>();
        for (String name : r.variables()) {
            params.add(Map.of("name", name, "in", "path", "required", true, "schema", ApiSchemas.str()));
        }
        for (Route.Query q : d.query()) {
            params.add(Map.of("name", q.name(), "in", "query", "required", q.required(), "description",
                    q.description(), "schema", ApiSchemas.str()));
        }
        if (r.template().equals("/api/v1/events")) {
            params.add(Map.of("name", "Last-Event-ID", "in", "header", "required", false,
                    "description", "resume after this event id", "schema", ApiSchemas.str()));
        }
        if (r.template().equals("/api/v1/me/card") && r.method().equals("PUT")) {
            params.add(Map.of("name", "If-Match", "in", "header", "required", false,
                    "description", "the ETag last read; 412 if the card changed since", "schema", ApiSchemas.str()));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (d.request() != null) {
            op.put("requestBody", Map.of("required", true, "content", content(d.requestTypes(), d.request())));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", d.status() == 204 ? "done" : "success");
        if (d.status() != 204) {
            success.put("content", content(d.responseTypes(), d.response()));
        }
        responses.put(Integer.toString(d.status()), success);
        if (r.authenticated()) {
            responses.put("401", problem("missing or wrong credentials (WWW-Authenticate: Basic realm=\"Kith\")"));
        }
        responses.put("default", problem("an RFC 9457 problem"));
        op.put("responses", responses);
        if (!r.authenticated()) {
            op.put("security", List.of());
        }
        return op;
    }

    private static Map<String, Object> content(List<String> types, String schemaName) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String type : types) {
            Map<String, Object> schema = !type.equals("application/json") ? ApiSchemas.str()
                    : schemaName == null ? Map.of("type", "object") : schema(schemaName);
            content.put(type, Map.of("schema", schema));
        }
        return content;
    }

    private static Map<String, Object> schema(String name) {
        return name.endsWith("[]") ? ApiSchemas.arr(ApiSchemas.ref(name.substring(0, name.length() - 2)))
                : ApiSchemas.ref(name);
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content",
                Map.of("application/problem+json", Map.of("schema", ApiSchemas.ref("Problem"))));
    }

    /** {@code DELETE /api/v1/groups/{id}/members/{username}} becomes {@code deleteGroupsIdMembersUsername}. */
    private static String operationId(Route r) {
        StringBuilder sb = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
        for (String part : r.template().replace("/api/v1", "").split("[/.{}-]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
