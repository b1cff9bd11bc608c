package org.kith.server.ldap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.unboundid.ldap.sdk.Filter;
import org.kith.core.card.PhoneNumbers;
import org.kith.server.directory.Dialing;

/**
 * Search filters, checked and evaluated here rather than by a schema: names, e-mail and titles
 * compare ignoring case, and numbers compare as numbers — {@code (telephoneNumber=13800138000)}
 * finds {@code +86 138 0013 8000}, and substrings of numbers compare digits only. Thread-safe.
 */
final class LdapFilters {
    /** Deeper or larger filters are refused: no client needs them, and they cost time to evaluate. */
    static final int MAX_DEPTH = 16;
    static final int MAX_ELEMENTS = 256;
    static final int MAX_VALUE_LENGTH = 256;

    private LdapFilters() {}

    /** Why the filter is refused, or null when it may be evaluated. Iterative: any depth is safe to check. */
    static String refusal(Filter filter) {
        Deque<Filter> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        todo.push(filter);
        depths.push(1);
        int elements = 0;
        while (!todo.isEmpty()) {
            Filter f = todo.pop();
            int depth = depths.pop();
            if (++elements > MAX_ELEMENTS) {
                return "the filter has more than " + MAX_ELEMENTS + " elements";
            }
            if (depth > MAX_DEPTH) {
                return "the filter is nested deeper than " + MAX_DEPTH + " levels";
            }
            if (f.getAssertionValue() != null && f.getAssertionValue().length() > MAX_VALUE_LENGTH) {
                return "a filter value is longer than " + MAX_VALUE_LENGTH + " characters";
            }
            for (Filter c : f.getComponents()) {
                todo.push(c);
                depths.push(depth + 1);
            }
            if (f.getNOTComponent() != null) {
                todo.push(f.getNOTComponent());
                depths.push(depth + 1);
            }
        }
        return null;
    }

    /** The values of one attribute of an entry being tested; lower-case names. */
    interface Values {
        List<String> get(String attribute);
    }

    /** Whether the entry matches. {@code region} reads numbers typed without a country code. */
    static boolean matches(Filter f, Values entry, String region) {
        switch (f.getFilterType()) {
            case Filter.FILTER_TYPE_AND -> {
                for (Filter c : f.getComponents()) {
                    if (!matches(c, entry, region)) {
                        return false;
                    }
                }
                return true;
            }
            case Filter.FILTER_TYPE_OR -> {
                for (Filter c : f.getComponents()) {
                    if (matches(c, entry, region)) {
                        return true;
                    }
                }
                return false;
            }
            case Filter.FILTER_TYPE_NOT -> {
                return !matches(f.getNOTComponent(), entry, region);
            }
            case Filter.FILTER_TYPE_PRESENCE -> {
                return !entry.get(name(f)).isEmpty();
            }
            case Filter.FILTER_TYPE_EQUALITY, Filter.FILTER_TYPE_APPROXIMATE_MATCH -> {
                String attr = name(f);
                for (String v : entry.get(attr)) {
                    if (LdapEntries.isPhone(attr) ? sameNumber(v, f.getAssertionValue(), region)
                            : normal(v).equals(normal(f.getAssertionValue()))) {
                        return true;
                    }
                }
                return false;
            }
            case Filter.FILTER_TYPE_SUBSTRING -> {
                String attr = name(f);
                boolean phone = LdapEntries.isPhone(attr);
                for (String v : entry.get(attr)) {
                    if (substring(phone ? digits(v) : normal(v), f, phone)) {
                        return true;
                    }
                }
                return false;
            }
            case Filter.FILTER_TYPE_GREATER_OR_EQUAL, Filter.FILTER_TYPE_LESS_OR_EQUAL -> {
                boolean greater = f.getFilterType() == Filter.FILTER_TYPE_GREATER_OR_EQUAL;
                for (String v : entry.get(name(f))) {
                    int c = normal(v).compareTo(normal(f.getAssertionValue()));
                    if (greater ? c >= 0 : c <= 0) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                return false; // extensible matches: no matching rules beyond the ones above
            }
        }
    }

    /**
     * The number a caller-ID filter asks for: every leaf is an equality on a phone attribute
     * with one and the same value ({@code (|(telephoneNumber=X)(mobile=X))}). Null otherwise.
     */
    static String callerIdNumber(Filter f) {
        String[] value = new String[1];
        return callerId(f, value) ? value[0] : null;
    }

    private static boolean callerId(Filter f, String[] value) {
        switch (f.getFilterType()) {
            case Filter.FILTER_TYPE_OR -> {
                if (f.getComponents().length == 0) {
                    return false;
                }
                for (Filter c : f.getComponents()) {
                    if (!callerId(c, value)) {
                        return false;
                    }
                }
                return true;
            }
            case Filter.FILTER_TYPE_EQUALITY -> {
                if (!LdapEntries.isPhone(name(f))) {
                    return false;
                }
                if (value[0] == null) {
                    value[0] = f.getAssertionValue();
                }
                return value[0].equals(f.getAssertionValue());
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean substring(String value, Filter f, boolean phone) {
        int at = 0;
        String initial = part(f.getSubInitialString(), phone);
        if (initial != null) {
            if (!value.startsWith(initial)) {
                return false;
            }
            at = initial.length();
        }
        for (String any : f.getSubAnyStrings()) {
            String a = part(any, phone);
            if (a.isEmpty()) {
                continue;
            }
            int found = value.indexOf(a, at);
            if (found < 0) {
                return false;
            }
            at = found + a.length();
        }
        String fin = part(f.getSubFinalString(), phone);
        return fin == null || value.length() - fin.length() >= at && value.endsWith(fin);
    }

    private static String part(String s, boolean phone) {
        return s == null ? null : phone ? digits(s) : normal(s);
    }

    private static boolean sameNumber(String stored, String asked, String region) {
        String a = e164(asked, region);
        String b = e164(stored, region);
        if (a != null && a.equals(b)) {
            return true;
        }
        String da = digits(asked);
        return !da.isEmpty() && da.equals(digits(stored));
    }

    /** Parsing a number costs microseconds and a search compares thousands: remember recent answers. */
    private static final Map<String, String> E164 = new ConcurrentHashMap<>();

    private static String e164(String number, String region) {
        String key = region + "\n" + number;
        String known = E164.get(key);
        if (known == null) {
            known = PhoneNumbers.toE164(number, region).orElse("");
            if (E164.size() > 200_000) {
                E164.clear();
            }
            E164.put(key, known);
        }
        return known.isEmpty() ? null : known;
    }

    private static String digits(String s) {
        String d = Dialing.cleaned(s);
        return d.startsWith("+") ? d.substring(1) : d;
    }

    private static String name(Filter f) {
        return LdapEntries.canonical(f.getAttributeName());
    }

    /** Case and runs of spaces do not matter (LDAP's caseIgnoreMatch). */
    private static String normal(String s) {
        String t = s.strip();
        for (int i = 1; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i)) && (t.charAt(i) != ' ' || Character.isWhitespace(t.charAt(i - 1)))) {
                t = t.replaceAll("\\s+", " ");
                break;
            }
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
