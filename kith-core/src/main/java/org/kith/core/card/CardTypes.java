package org.kith.core.card;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;

/** The small vocabulary of TYPE values the structured card form uses, mapped to vCard parameters. */
final class CardTypes {
    static final Set<String> TEL = Set.of("cell", "home", "work", "voice", "fax", "pager", "other");
    static final Set<String> EMAIL = Set.of("home", "work", "other");
    static final Set<String> ADR = Set.of("home", "work", "other");

    private CardTypes() {}

    static String telType(List<TelephoneType> types) {
        for (String candidate : List.of("cell", "fax", "pager", "home", "work", "voice")) {
            for (TelephoneType t : types) {
                if (candidate.equalsIgnoreCase(t.getValue())) {
                    return candidate;
                }
            }
        }
        return "other";
    }

    static String emailType(List<EmailType> types) {
        return homeOrWork(types.stream().map(EmailType::getValue).toList());
    }

    static String adrType(List<AddressType> types) {
        return homeOrWork(types.stream().map(AddressType::getValue).toList());
    }

    private static String homeOrWork(List<String> values) {
        for (String v : values) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.equals("home") || lower.equals("work")) {
                return lower;
            }
        }
        return "other";
    }

    static TelephoneType telTypeOf(String type) {
        return type == null || type.equals("other") ? null : TelephoneType.get(type);
    }

    static EmailType emailTypeOf(String type) {
        return type == null || type.equals("other") ? null : EmailType.get(type);
    }

    static AddressType adrTypeOf(String type) {
        return type == null || type.equals("other") ? null : AddressType.get(type);
    }
}
