package org.kith.server.directory;

import java.util.List;

/**
 * One card of a viewer's directory, in the fields desk phones and LDAP clients show. Built from a
 * card the privacy rule already let through ({@link People}); immutable.
 *
 * @param uid     the card's UID in the merged book (a person appears once whatever their groups)
 * @param name    the formatted name as typed (陈雪松, Alice Wang)
 * @param given   given name, "" when the card has no structured name
 * @param family  family name, "" when the card has no structured name
 * @param jpeg    the card's photo when it is an embedded JPEG, else null
 */
public record Person(String uid, String name, String given, String family, String org, String title,
                     List<String> emails, List<Phone> phones, byte[] jpeg) {

    /** What a number is, in the words each vendor format has a field for. */
    public enum Kind { MOBILE, WORK, HOME, FAX, OTHER }

    /**
     * A number as typed and, when it is a valid number, its E.164 form (the card's writer's
     * region decided it, once, when the card was stored).
     */
    public record Phone(Kind kind, String typed, String e164) {}

    /** The family name, or the whole name where the card has no structured one (LDAP {@code sn} must be set). */
    public String surname() {
        return family.isEmpty() ? name : family;
    }

    /** The first number of that kind, or null. */
    public Phone first(Kind kind) {
        for (Phone p : phones) {
            if (p.kind() == kind) {
                return p;
            }
        }
        return null;
    }
}
