package org.kith.server.directory;

import org.kith.core.card.PhoneNumbers;

/**
 * Whether a number someone typed or a phone sent is one of a person's numbers, whatever its
 * form: {@code +8613800138000}, {@code 13800138000} and {@code 138 0013 8000} are one number when
 * read in CN. Compared by E.164 where both sides have one, else by their dialable digits.
 */
public final class Numbers {
    private Numbers() {}

    public static boolean holds(Person p, String query, String region) {
        String e164 = PhoneNumbers.toE164(query, region).orElse(null);
        String digits = Dialing.cleaned(query);
        for (Person.Phone phone : p.phones()) {
            if (e164 != null && e164.equals(phone.e164())) {
                return true;
            }
            if (!digits.isEmpty() && digits.equals(Dialing.cleaned(phone.typed()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a person's number contains {@code digits} (a substring search typed on a keypad). */
    public static boolean containsDigits(Person.Phone phone, String digits) {
        return Dialing.cleaned(phone.typed()).contains(digits) || phone.e164() != null && phone.e164().contains(digits);
    }
}
