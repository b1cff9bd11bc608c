package org.kith.server.web;

import java.util.Set;

/**
 * A tiny HTML builder that escapes by default. {@code el("p", cls("note"), "a < b")} gives
 * {@code <p class="note">a &lt; b</p>}. Parts may be {@link Attr}s, {@link Html}, strings (escaped
 * text), iterables of parts, or null (skipped). Thread-safe (stateless).
 */
final class Tags {
    private static final Set<String> VOID = Set.of("input", "br", "img", "meta", "link", "hr");

    private Tags() {}

    /** An attribute; a null value leaves it out, {@code ""} for boolean attributes such as {@code required}. */
    record Attr(String name, String value) {}

    static Attr attr(String name, Object value) {
        return new Attr(name, value == null ? null : value.toString());
    }

    static Attr cls(String value) {
        return new Attr("class", value);
    }

    static Attr id(String value) {
        return new Attr("id", value);
    }

    /** A boolean attribute, present only when {@code on}. */
    static Attr flag(String name, boolean on) {
        return new Attr(name, on ? "" : null);
    }

    static Html el(String tag, Object... parts) {
        StringBuilder open = new StringBuilder("<").append(tag);
        StringBuilder body = new StringBuilder();
        for (Object part : parts) {
            add(part, open, body);
        }
        open.append('>');
        if (VOID.contains(tag)) {
            return Html.trusted(open.toString());
        }
        return Html.trusted(open.append(body).append("</").append(tag).append('>').toString());
    }

    /** Several parts side by side, without an element around them. */
    static Html join(Object... parts) {
        StringBuilder open = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (Object part : parts) {
            add(part, open, body);
        }
        if (open.length() > 0) {
            throw new IllegalArgumentException("attributes need an element");
        }
        return Html.trusted(body.toString());
    }

    private static void add(Object part, StringBuilder open, StringBuilder body) {
        if (part == null) {
            return;
        }
        if (part instanceof Attr a) {
            if (a.value() != null) {
                open.append(' ').append(a.name());
                if (!a.value().isEmpty()) {
                    open.append("=\"").append(Html.escape(a.value())).append('"');
                }
            }
        } else if (part instanceof Html h) {
            body.append(h);
        } else if (part instanceof Iterable<?> many) {
            for (Object p : many) {
                add(p, open, body);
            }
        } else if (part instanceof Object[] many) {
            for (Object p : many) {
                add(p, open, body);
            }
        } else {
            body.append(Html.escape(part.toString()));
        }
    }
}
