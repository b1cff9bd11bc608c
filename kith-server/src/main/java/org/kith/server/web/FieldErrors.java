package org.kith.server.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kith.core.error.KithException;

/** What was wrong with a submitted form, by field, in the visitor's language. Confined to one request. */
final class FieldErrors {
    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    static FieldErrors none() {
        return new FieldErrors();
    }

    /** The error of a service call, placed at its field ({@code fieldPrefix} + the service's field name). */
    static FieldErrors of(Visit ex, KithException e) {
        FieldErrors errors = new FieldErrors();
        errors.add(e.field(), WebErrors.message(ex.texts(), e));
        return errors;
    }

    void add(String field, String message) {
        if (field == null) {
            general.add(message);
        } else {
            byField.put(field, message);
        }
    }

    String get(String field) {
        return byField.get(field);
    }

    boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    List<String> all() {
        List<String> all = new ArrayList<>(general);
        all.addAll(byField.values());
        return all;
    }
}
