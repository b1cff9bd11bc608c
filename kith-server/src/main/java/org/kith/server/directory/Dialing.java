package org.kith.server.directory;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.kith.core.card.PhoneNumbers;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;

/**
 * How numbers are written for a phone: E.164 ({@code +8613800138000}), or as dialled from a
 * region — national where the number is of that region ({@code 13800138000} from CN), with the
 * region's international prefix otherwise ({@code 00441632960000} from CN). Digits only, since
 * desk phones dial what they show. A number that is not valid is passed on as typed, less
 * spaces and punctuation. Immutable.
 */
public final class Dialing {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final String region; // null: E.164

    private Dialing(String region) {
        this.region = region;
    }

    public static Dialing e164() {
        return new Dialing(null);
    }

    public static Dialing from(String region) {
        return new Dialing(region.toUpperCase(Locale.ROOT));
    }

    /**
     * A URL's {@code region} parameter: a two-letter region, {@code e164}, or absent for the
     * owner's own region.
     * @throws Invalid naming {@code region} for anything else
     */
    public static Dialing parse(String param, String ownerRegion) {
        if (param == null || param.isBlank()) {
            return from(ownerRegion);
        }
        if (param.equalsIgnoreCase("e164")) {
            return e164();
        }
        if (!PhoneNumbers.isKnownRegion(param)) {
            throw Invalid.value(ErrorCode.REGION_UNKNOWN, "region", "region must be a two-letter region such as CN, or e164, not '"
                    + param + "'").with("region", param);
        }
        return from(param);
    }

    public String dial(Person.Phone phone) {
        if (phone.e164() == null) {
            return cleaned(phone.typed());
        }
        if (region == null) {
            return phone.e164();
        }
        String key = region + phone.e164();
        String known = DIALED.get(key);
        if (known == null) {
            known = format(phone);
            if (DIALED.size() > 500_000) {
                DIALED.clear();
            }
            DIALED.put(key, known);
        }
        return known;
    }

    /** Formatting costs tens of microseconds a number, and a phonebook of 10,000 is fetched often. */
    private static final Map<String, String> DIALED = new ConcurrentHashMap<>();

    private String format(Person.Phone phone) {
        try {
            PhoneNumber number = UTIL.parse(phone.e164(), "ZZ");
            String formatted = UTIL.getRegionCodeForNumber(number) != null
                    && UTIL.getRegionCodeForNumber(number).equals(region)
                    ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                    : UTIL.formatOutOfCountryCallingNumber(number, region);
            return cleaned(formatted);
        } catch (NumberParseException e) {
            return phone.e164();
        }
    }

    /** Keeps what a keypad can dial: digits, a leading +, * and #. */
    public static String cleaned(String typed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9' || c == '*' || c == '#' || c == '+' && sb.isEmpty()) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
