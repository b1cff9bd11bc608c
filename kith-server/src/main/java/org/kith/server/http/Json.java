package org.kith.server.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;

/** JSON in and out. Bad JSON is a 400 naming where it broke; a wrong type is a 422 naming the field. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false);

    static {
        // "name": 5 is a wrong type, not the text "5"
        MAPPER.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    }

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a request body into {@code type}. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw Invalid.malformed(ErrorCode.JSON_REQUIRED, null, "a JSON body is required");
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw Invalid.malformed(ErrorCode.JSON_NOT_OBJECT, null, "the body must be a JSON object");
            }
            return MAPPER.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            String field = fieldPath(e.getPath());
            throw Invalid.value(ErrorCode.JSON_WRONG_TYPE, field,
                    (field == null ? "a value" : field) + " has the wrong type");
        } catch (JsonProcessingException e) {
            throw Invalid.malformed(ErrorCode.JSON_MALFORMED, null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Invalid.malformed(ErrorCode.JSON_MALFORMED, null, "malformed JSON");
        }
    }

    private static String fieldPath(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (var ref : path) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
