package org.kith.server.web;

import java.util.Objects;

/**
 * A piece of markup that is safe to send as it is: built only by {@link Tags} (which escapes
 * every text and attribute value) or from constants. Nothing else can make one, so a value
 * from a user can reach a page only escaped. Immutable.
 */
public final class Html {
    static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Markup written by Kith itself; never pass anything that came from a request or the database. */
    static Html trusted(String constantMarkup) {
        return new Html(Objects.requireNonNull(constantMarkup));
    }

    /** Text shown as text: {@code <script>} becomes {@code &lt;script&gt;}. */
    static Html text(String text) {
        return new Html(escape(text == null ? "" : text));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    boolean isEmpty() {
        return markup.isEmpty();
    }

    @Override
    public String toString() {
        return markup;
    }
}
