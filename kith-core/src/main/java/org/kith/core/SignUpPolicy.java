package org.kith.core;

import java.util.Locale;

/**
 * Who may create an account on this server by signing up: anyone ({@code open}), only someone
 * holding a usable invitation link ({@code invite}), or no one ({@code closed}: the operator
 * creates accounts). Accounts made by the operator are not bound by it.
 */
public enum SignUpPolicy {
    OPEN, INVITE, CLOSED;

    /** The name in the configuration and on the wire: {@code open}, {@code invite}, {@code closed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy of a wire name; empty-handed callers get an {@link IllegalArgumentException}. */
    public static SignUpPolicy of(String wire) {
        for (SignUpPolicy p : values()) {
            if (p.wire().equals(wire)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown sign-up policy '" + wire + "'");
    }
}
