package org.kith.server.web;

import static org.kith.server.web.Tags.attr;
import static org.kith.server.web.Tags.cls;
import static org.kith.server.web.Tags.el;
import static org.kith.server.web.Tags.flag;
import static org.kith.server.web.Tags.id;

import java.util.List;

/** Form pieces that every page uses the same way: labelled inputs with their errors, the CSRF field, buttons. */
final class FormKit {
    private FormKit() {}

    static Html csrf(Visit ex) {
        return el("input", attr("type", "hidden"), attr("name", Csrf.FIELD), attr("value", ex.csrf()));
    }

    /** A form posting to {@code action}, with the CSRF field first. */
    static Html post(Visit ex, String action, Object... content) {
        return el("form", attr("method", "post"), attr("action", action), csrf(ex), content);
    }

    /** A one-button form (an action on something listed); {@code confirm} asks first when set. */
    static Html button(Visit ex, String action, String label, String style, Object... hidden) {
        return el("form", cls("inline"), attr("method", "post"), attr("action", action), csrf(ex), hidden,
                el("button", attr("type", "submit"), cls(style), label));
    }

    static Html hidden(String name, Object value) {
        return el("input", attr("type", "hidden"), attr("name", name), attr("value", value));
    }

    /** A labelled input; its error (if any) is shown under it and announced with it. */
    static Html input(String fieldId, String name, String label, String type, String value, String error,
                      Object... extra) {
        String errId = fieldId + "-error";
        return el("div", cls(error == null ? "field" : "field invalid"),
                el("label", attr("for", fieldId), label),
                el("input", id(fieldId), attr("name", name), attr("type", type), attr("value", value),
                        error == null ? null : attr("aria-invalid", "true"),
                        error == null ? null : attr("aria-describedby", errId), extra),
                error == null ? null : el("p", id(errId), cls("error"), error));
    }

    static Html textarea(String fieldId, String name, String label, String value, String error) {
        String errId = fieldId + "-error";
        return el("div", cls(error == null ? "field" : "field invalid"),
                el("label", attr("for", fieldId), label),
                el("textarea", id(fieldId), attr("name", name), attr("rows", "3"),
                        error == null ? null : attr("aria-invalid", "true"),
                        error == null ? null : attr("aria-describedby", errId), value == null ? "" : value),
                error == null ? null : el("p", id(errId), cls("error"), error));
    }

    record Option(String value, String label) {}

    static Html select(String fieldId, String name, String label, List<Option> options, String selected) {
        return el("div", cls("field type"),
                el("label", attr("for", fieldId), label),
                el("select", id(fieldId), attr("name", name), options.stream().map(o -> el("option",
                        attr("value", o.value()), flag("selected", o.value().equals(selected)), o.label())).toList()));
    }

    static Html submit(String label) {
        return el("button", attr("type", "submit"), cls("primary"), label);
    }

    /** The summary above a form that failed: says what to fix, in one place screen readers announce. */
    static Html summary(FieldErrors errors) {
        if (errors.isEmpty()) {
            return null;
        }
        return el("div", cls("error-summary"), attr("role", "alert"), el("ul",
                errors.all().stream().map(m -> el("li", m)).toList()));
    }
}
