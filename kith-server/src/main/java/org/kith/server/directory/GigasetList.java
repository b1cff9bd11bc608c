package org.kith.server.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gigaset's online directory (the "Phonebook Search" protocol): the phone asks with
 * {@code command=get_list&type=pb} and search fields — {@code ln} last name, {@code fn} first
 * name (a trailing or lone {@code *} is a wildcard), {@code hm} a number for the reverse search
 * it makes on an incoming call — and pages with {@code first} (1-based) and {@code count}. The
 * answer is {@code <list response="get_list" type="pb" total first last>} with one
 * {@code <entry>} per person ({@code ln}, {@code fn}, {@code nb} office, {@code mb} mobile,
 * {@code hm} home, {@code em} e-mail), or {@code notfound} naming the field when nothing
 * matched. Source: Gigaset's wiki, "Online directory" (see docs/DESKPHONES.md).
 */
final class GigasetList implements PhonebookFormat {
    static final int MAX_COUNT = 100;

    @Override
    public String render(PhonebookRequest r) {
        String ln = field(r.param("ln"));
        String fn = field(r.param("fn"));
        String hm = field(r.param("hm"));
        List<Person> hits = new ArrayList<>();
        for (Person p : r.directory().people()) {
            if (matches(p, ln, fn, hm, r.directory().region())) {
                hits.add(p);
            }
        }
        XmlDoc xml = new XmlDoc();
        if (hits.isEmpty()) {
            return xml.empty("list", "response", "get_list", "type", "pb",
                    "notfound", hm != null ? "hm" : ln != null ? "ln" : fn != null ? "fn" : "ln", "total", "0")
                    .toString();
        }
        int first = number(r.param("first"), 1, 1, hits.size());
        int count = number(r.param("count"), MAX_COUNT, 1, MAX_COUNT);
        int last = Math.min(hits.size(), first + count - 1);
        xml.open("list", "response", "get_list", "type", "pb", "total", Integer.toString(hits.size()),
                "first", Integer.toString(first), "last", Integer.toString(last)).newline();
        for (Person p : hits.subList(first - 1, last)) {
            Slots slots = Slots.of(p);
            xml.open("entry").newline()
                    .text("ln", p.family().isEmpty() ? p.name() : p.family())
                    .text("fn", p.family().isEmpty() ? null : p.given())
                    .text("nb", dial(r, slots.office()))
                    .text("mb", dial(r, slots.mobile()))
                    .text("hm", dial(r, slots.other()))
                    .text("em", p.emails().isEmpty() ? null : p.emails().get(0))
                    .close("entry");
        }
        return xml.close("list").toString();
    }

    private static boolean matches(Person p, String ln, String fn, String hm, String region) {
        if (hm != null) {
            return Numbers.holds(p, hm, region);
        }
        String last = (p.family().isEmpty() ? p.name() : p.family()).toLowerCase(Locale.ROOT);
        String given = p.given().toLowerCase(Locale.ROOT);
        return (ln == null || last.startsWith(ln) || p.name().toLowerCase(Locale.ROOT).startsWith(ln))
                && (fn == null || given.startsWith(fn));
    }

    /** A search field: null for "any" (absent, empty or *), else the lower-case prefix. */
    private static String field(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        while (v.endsWith("*")) {
            v = v.substring(0, v.length() - 1);
        }
        return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
    }

    private static int number(String param, int fallback, int min, int max) {
        try {
            return param == null ? Math.min(fallback, max) : Math.min(Math.max(Integer.parseInt(param.strip()), min), max);
        } catch (NumberFormatException e) {
            return Math.min(fallback, max);
        }
    }

    private static String dial(PhonebookRequest r, Person.Phone phone) {
        return phone == null ? null : r.dialing().dial(phone);
    }
}
