package org.kith.server.dav;

import org.w3c.dom.Element;

import ezvcard.VCardVersion;

/** Which vCard version a REPORT asks for in its body (the Accept header is read by the kernel's {@code Accept}). */
final class Versions {
    private Versions() {}

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
