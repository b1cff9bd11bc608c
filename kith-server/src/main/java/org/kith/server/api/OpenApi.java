package org.kith.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kith.server.http.Route;

/** The OpenAPI 3.1 document, generated from the route table so it cannot drift from what is served. */
final class OpenApi {
    private static final Pattern VAR = Pattern.compile("\\{(\\w+)}");

    private OpenApi() {}

    static Map<String, Object> document(List<Route> routes) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.template(),
                    k -> new LinkedHashMap<>());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", r.summary());
            List<Object> params = new ArrayList<>();
            Matcher m = VAR.matcher(r.template());
            while (m.find()) {
                params.add(Map.of("name", m.group(1), "in", "path", "required", true,
                        "schema", Map.of("type", "string")));
            }
            if (r.template().endsWith("/changes")) {
                params.add(Map.of("name", "since", "in", "query", "required", true, "schema", Map.of("type", "string")));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            if (List.of("POST", "PUT", "PATCH").contains(r.method())) {
                op.put("requestBody", Map.of("content", Map.of("application/json",
                        Map.of("schema", Map.of("type", "object")))));
            }
            op.put("responses", Map.of(
                    "2XX", Map.of("description", "success"),
                    "default", Map.of("description", "an RFC 9457 problem", "content",
                            Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))))));
            if (!r.authenticated()) {
                op.put("security", List.of());
            }
            item.put(r.method().toLowerCase(Locale.ROOT), op);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Kith", "version", "1", "description",
                "Group phonebooks that keep themselves up to date. See docs/REST.md for field-level detail."));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic"),
                        "bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Problem", Map.of("type", "object", "properties", Map.of(
                        "type", Map.of("type", "string"), "title", Map.of("type", "string"),
                        "status", Map.of("type", "integer"), "detail", Map.of("type", "string"),
                        "field", Map.of("type", "string"))))));
        doc.put("security", List.of(Map.of("basic", List.of()), Map.of("bearer", List.of())));
        return doc;
    }
}
