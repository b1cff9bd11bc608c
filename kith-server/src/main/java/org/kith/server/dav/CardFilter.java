package org.kith.server.dav;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.w3c.dom.Element;

/**
 * An addressbook-query filter (RFC 6352 §10.5) compiled once into a predicate over a card's
 * properties: prop-filters combined by {@code test} (anyof/allof), each with is-not-defined,
 * text-matches and param-filters; collations {@code i;unicode-casemap} (the default),
 * {@code i;ascii-casemap} and {@code i;octet}.
 */
final class CardFilter {
    private CardFilter() {}

    static Predicate<List<VcardLines.Property>> compile(Element filter) {
        if (filter == null) {
            return card -> true;
        }
        boolean allOf = "allof".equalsIgnoreCase(filter.getAttribute("test"));
        List<Predicate<List<VcardLines.Property>>> parts = new ArrayList<>();
        for (Element propFilter : Xml.children(filter, DavNames.PROP_FILTER)) {
            parts.add(propFilter(propFilter));
        }
        if (parts.isEmpty()) {
            return card -> true;
        }
        return card -> allOf ? parts.stream().allMatch(p -> p.test(card)) : parts.stream().anyMatch(p -> p.test(card));
    }

    private static Predicate<List<VcardLines.Property>> propFilter(Element e) {
        String name = required(e, "name").toUpperCase(Locale.ROOT);
        if (Xml.child(e, DavNames.IS_NOT_DEFINED) != null) {
            return card -> card.stream().noneMatch(p -> p.name().equals(name));
        }
        boolean allOf = "allof".equalsIgnoreCase(e.getAttribute("test"));
        List<Predicate<VcardLines.Property>> tests = new ArrayList<>();
        for (Element child : Xml.children(e)) {
            if (Xml.is(child, DavNames.TEXT_MATCH)) {
                Predicate<String> match = textMatch(child);
                tests.add(p -> match.test(p.value()));
            } else if (Xml.is(child, DavNames.PARAM_FILTER)) {
                tests.add(paramFilter(child));
            } else {
                throw DavError.forbidden(DavNames.SUPPORTED_FILTER, "unsupported filter element " + Xml.name(child));
            }
        }
        Predicate<VcardLines.Property> instance = tests.isEmpty() ? p -> true
                : allOf ? p -> tests.stream().allMatch(t -> t.test(p)) : p -> tests.stream().anyMatch(t -> t.test(p));
        return card -> card.stream().anyMatch(p -> p.name().equals(name) && instance.test(p));
    }

    private static Predicate<VcardLines.Property> paramFilter(Element e) {
        String name = required(e, "name").toUpperCase(Locale.ROOT);
        if (Xml.child(e, DavNames.IS_NOT_DEFINED) != null) {
            return p -> !p.params().containsKey(name);
        }
        Element text = Xml.child(e, DavNames.TEXT_MATCH);
        if (text == null) {
            return p -> p.params().containsKey(name);
        }
        Predicate<String> match = textMatch(text);
        return p -> p.params().getOrDefault(name, List.of()).stream().anyMatch(match);
    }

    private static Predicate<String> textMatch(Element e) {
        String collation = e.getAttribute("collation").isEmpty() ? "i;unicode-casemap" : e.getAttribute("collation");
        String matchType = e.getAttribute("match-type").isEmpty() ? "contains" : e.getAttribute("match-type");
        boolean negate = "yes".equalsIgnoreCase(e.getAttribute("negate-condition"));
        java.util.function.UnaryOperator<String> fold = switch (collation) {
            case "i;unicode-casemap" -> CardFilter::unicodeFold;
            case "i;ascii-casemap" -> CardFilter::asciiFold;
            case "i;octet" -> s -> s;
            default -> throw DavError.forbidden(DavNames.SUPPORTED_COLLATION, "unsupported collation " + collation
                    + "; supported: i;unicode-casemap, i;ascii-casemap, i;octet");
        };
        String needle = fold.apply(Xml.text(e));
        Predicate<String> test = switch (matchType) {
            case "equals" -> v -> fold.apply(v).equals(needle);
            case "contains" -> v -> fold.apply(v).contains(needle);
            case "starts-with" -> v -> fold.apply(v).startsWith(needle);
            case "ends-with" -> v -> fold.apply(v).endsWith(needle);
            default -> throw DavError.forbidden(DavNames.SUPPORTED_FILTER, "unsupported match-type " + matchType);
        };
        return negate ? test.negate() : test;
    }

    /** RFC 5051's i;unicode-casemap, closely enough: NFKD, then a full case fold. */
    static String unicodeFold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    static String asciiFold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    private static String required(Element e, String attribute) {
        String value = e.getAttribute(attribute);
        if (value.isEmpty()) {
            throw DavError.badRequest(Xml.name(e).getLocalPart() + " needs a " + attribute + " attribute");
        }
        return value;
    }
}
