package org.kith.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a surface's route table: method ({@link #ANY} for every method), path template
 * ({@code /api/v1/groups/{id}}; a last segment {@code **} takes the rest of the path), whether it
 * needs a login, a handler, and what the OpenAPI document says about it ({@link Doc}).
 * Immutable; the fluent methods return copies.
 */
public record Route(String method, String template, boolean authenticated, String summary, Handler handler,
                    Doc doc) {

    /** The method of a row that answers every method. */
    public static final String ANY = "*";
    /** The last template segment that matches the rest of the path, however long (also nothing). */
    static final String REST = "**";

    /** Handles one exchange; throws domain errors ({@code KithException}) for the surface's error mapper. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange ex) throws Exception;
    }

    /** A query parameter, for the document. */
    public record Query(String name, boolean required, String description) {}

    /**
     * The documented request and success response. Schema names refer to
     * {@code components/schemas}; a trailing {@code []} means "array of". Null schemas mean
     * "no body". The first media type is the main one.
     */
    public record Doc(String request, List<String> requestTypes, int status, String response,
                      List<String> responseTypes, List<Query> query) {
        static final Doc DEFAULT = new Doc(null, List.of("application/json"), 200, null,
                List.of("application/json"), List.of());
    }

    public static Route open(String method, String template, String summary, Handler handler) {
        return new Route(method, template, false, summary, handler, Doc.DEFAULT);
    }

    public static Route auth(String method, String template, String summary, Handler handler) {
        return new Route(method, template, true, summary, handler, Doc.DEFAULT);
    }

    /** Documents a JSON request body of schema {@code schema} (plus any other accepted media types). */
    public Route body(String schema, String... otherTypes) {
        List<String> types = new ArrayList<>(List.of("application/json"));
        types.addAll(List.of(otherTypes));
        return with(new Doc(schema, List.copyOf(types), doc.status(), doc.response(), doc.responseTypes(),
                doc.query()));
    }

    /** Documents the success status and its JSON body schema (null for none, as with 204). */
    public Route returns(int status, String schema, String... otherTypes) {
        List<String> types = new ArrayList<>(List.of("application/json"));
        types.addAll(List.of(otherTypes));
        return with(new Doc(doc.request(), doc.requestTypes(), status, schema, List.copyOf(types), doc.query()));
    }

    /** Documents a success body that is not JSON (HTML, plain text, an event stream). */
    public Route returnsText(int status, String mediaType) {
        return with(new Doc(doc.request(), doc.requestTypes(), status, null, List.of(mediaType), doc.query()));
    }

    public Route query(String name, boolean required, String description) {
        List<Query> query = new ArrayList<>(doc.query());
        query.add(new Query(name, required, description));
        return with(new Doc(doc.request(), doc.requestTypes(), doc.status(), doc.response(), doc.responseTypes(),
                List.copyOf(query)));
    }

    private Route with(Doc newDoc) {
        return new Route(method, template, authenticated, summary, handler, newDoc);
    }

    /** The names of the template's variables, in order. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (String part : parts()) {
            if (part.startsWith("{")) {
                names.add(part.substring(1, part.length() - 1));
            }
        }
        return names;
    }

    private String[] parts() {
        return template.length() <= 1 ? new String[] {""} : template.substring(1).split("/", -1);
    }

    /** The path variables if the (already decoded) segments match the template, else null. */
    Map<String, String> match(List<String> segments) {
        String[] parts = parts();
        boolean rest = parts[parts.length - 1].equals(REST);
        int fixed = rest ? parts.length - 1 : parts.length;
        if (rest ? segments.size() < fixed : parts.length != segments.size()) {
            return null;
        }
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < fixed; i++) {
            String segment = segments.get(i);
            if (parts[i].startsWith("{")) {
                if (segment.isEmpty()) {
                    return null;
                }
                vars.put(parts[i].substring(1, parts[i].length() - 1), segment);
            } else if (!parts[i].equals(segment)) {
                return null;
            }
        }
        return vars;
    }

    /** Whether this row serves {@code requestMethod}. */
    boolean serves(String requestMethod) {
        return method.equals(ANY) || method.equals(requestMethod);
    }
}
