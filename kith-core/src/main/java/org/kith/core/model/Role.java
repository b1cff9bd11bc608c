package org.kith.core.model;

/** A member's role in a group. Owners manage the group; there is always exactly one owner. */
public enum Role {
    OWNER, MEMBER;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
