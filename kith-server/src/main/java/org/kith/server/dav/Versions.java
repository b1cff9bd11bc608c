package org.kith.server.dav;

import java.util.Locale;

import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/** Which vCard version to serve: 3.0 unless the client asks for 4.0 (iOS/macOS need 3.0). */
final class Versions {
    private Versions() {}

    /** From an Accept header: 4.0 only when it names {@code version=4.0}. */
    static VCardVersion fromAccept(String accept) {
        if (accept != null && accept.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "").contains("version=4.0")) {
            return VCardVersion.V4_0;
        }
        return VCardVersion.V3_0;
    }

    /** From a REPORT's {@code address-data} element (its version attribute), else {@code fallback}. */
    static VCardVersion fromAddressData(Element addressData, VCardVersion fallback) {
        if (addressData == null) {
            return fallback;
        }
        String type = addressData.getAttribute("content-type");
        if (!type.isEmpty() && !type.equalsIgnoreCase("text/vcard")) {
            throw DavError.forbidden(DavNames.SUPPORTED_ADDRESS_DATA_PRECONDITION,
                    "only text/vcard address data is served, not " + type);
        }
        String version = addressData.getAttribute("version");
        return switch (version) {
            case "" -> fallback;
            case "3.0" -> VCardVersion.V3_0;
            case "4.0" -> VCardVersion.V4_0;
            default -> throw DavError.forbidden(DavNames.SUPPORTED_ADDRESS_DATA_PRECONDITION,
                    "vCard version " + version + " is not served; ask for 3.0 or 4.0");
        };
    }
}
