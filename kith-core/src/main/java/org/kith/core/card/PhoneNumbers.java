package org.kith.core.card;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** E.164 normalisation with libphonenumber. Thread-safe. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The E.164 form of {@code typed} read in {@code region}, or empty if it is not a valid number. */
    public static Optional<String> toE164(String typed, String region) {
        if (typed == null || typed.isBlank() || typed.length() > 64) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(typed, region.toUpperCase(Locale.ROOT));
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code region} is a region code libphonenumber knows (CN, US, DE, ...). */
    public static boolean isKnownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }
}
