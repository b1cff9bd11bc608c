package org.kith.server.api;

import org.kith.core.card.CardData;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;

/** The JSON bodies the API accepts. Unknown fields are ignored; missing ones are null. */
final class Requests {
    private Requests() {}

    record Register(String username, String password, String displayName, String region) {}

    record Login(String username, String password) {}

    record Named(String name) {}

    record NewGroup(String name, String description, Integer memberLimit) {}

    record GroupPatch(String name, String description, Integer memberLimit, Boolean membersMayInvite) {}

    record Username(String username) {}

    record NewEntry(CardData card, String inviteUsername) {}

    record EntryUpdate(CardData card) {}

    record NewInvitation(String username, Integer maxUses, Integer expiresInHours, String entryId) {}

    record Code(String code) {}

    static <T> T require(T value, String field) {
        if (value == null) {
            throw Invalid.value(ErrorCode.FIELD_REQUIRED, field, field + " is required");
        }
        return value;
    }

    /** An optional id given as a JSON string (ids are strings on the wire). */
    static Long optionalId(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            throw Invalid.value(ErrorCode.ID_INVALID, field, field + " must be an id such as \"12\"");
        }
        return Long.parseLong(v);
    }
}
