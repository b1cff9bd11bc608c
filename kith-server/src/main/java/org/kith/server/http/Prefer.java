package org.kith.server.http;

import java.util.List;
import java.util.Locale;

/**
 * The Prefer header (RFC 7240) as far as Kith honours it: {@code return=minimal}, with which a
 * multistatus leaves out the properties it does not have (RFC 8144 §2.1). Immutable.
 */
public record Prefer(boolean returnMinimal) {
    /** The preference to echo in {@code Preference-Applied} when it was honoured. */
    public static final String MINIMAL = "return=minimal";

    /** From every Prefer header sent; unknown preferences are ignored. */
    public static Prefer parse(List<String> headers) {
        boolean minimal = false;
        for (String header : headers) {
            for (String pref : header.split(",")) {
                String token = pref.split(";")[0].strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
                minimal |= token.equals(MINIMAL);
            }
        }
        return new Prefer(minimal);
    }
}
