package org.kith.core.model;

/** Who a request is from, and by which means it authenticated. */
public record Credential(long accountId, Kind kind, Long appPasswordId) {
    public enum Kind { PASSWORD, APP_PASSWORD, TOKEN }
}
