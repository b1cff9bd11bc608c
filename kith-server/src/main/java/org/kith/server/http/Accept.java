package org.kith.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ezvcard.VCardVersion;

/**
 * The Accept header (RFC 9110 §12.5.1) as a list of media ranges in the order sent, with their
 * parameters; quality values are not weighed (the first listed wins). Immutable.
 */
public final class Accept {
    /** One media range: its type in lower case and its parameters (names in lower case, values unquoted). */
    public record Range(String type, Map<String, String> params) {}

    private final List<Range> ranges;

    private Accept(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static Accept parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                String[] pieces = part.split(";");
                String type = pieces[0].strip().toLowerCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 1; i < pieces.length; i++) {
                    int eq = pieces[i].indexOf('=');
                    if (eq > 0) {
                        params.put(pieces[i].substring(0, eq).strip().toLowerCase(Locale.ROOT),
                                pieces[i].substring(eq + 1).strip().replace("\"", ""));
                    }
                }
                ranges.add(new Range(type, Map.copyOf(params)));
            }
        }
        return new Accept(List.copyOf(ranges));
    }

    public List<Range> ranges() {
        return ranges;
    }

    /** The first range whose type is one of {@code types}, or null. */
    public Range first(List<String> types) {
        return ranges.stream().filter(r -> types.contains(r.type())).findFirst().orElse(null);
    }

    /** The vCard version a range asks for: 4.0 when it says {@code version=4.0}, else 3.0. */
    public static VCardVersion vcardVersion(Range range) {
        return "4.0".equals(range.params().get("version")) ? VCardVersion.V4_0 : VCardVersion.V3_0;
    }

    /** The vCard version the header asks for anywhere: 4.0 only when a range says {@code version=4.0}. */
    public VCardVersion vcardVersion() {
        return ranges.stream().anyMatch(r -> "4.0".equals(r.params().get("version"))) ? VCardVersion.V4_0
                : VCardVersion.V3_0;
    }
}
