package org.kith.server.support;

import com.fasterxml.jackson.databind.JsonNode;

/** Finding things in JSON arrays. */
public final class JsonFind {
    private JsonFind() {}

    /** The element of {@code array} whose {@code field} is {@code value}. */
    public static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText(null))) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
