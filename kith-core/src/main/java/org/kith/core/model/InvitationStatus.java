package org.kith.core.model;

import java.util.Locale;

public enum InvitationStatus {
    PENDING, ACCEPTED, DECLINED, REVOKED, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
