package org.kith.core.card;

import ezvcard.parameter.ImageType;

/** Recognises the image formats a photo may have by their first bytes, not by what the client claims. */
public final class Images {
    private Images() {}

    /** JPEG, PNG or GIF, or null for anything else. */
    public static ImageType sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return ImageType.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return ImageType.PNG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return ImageType.GIF;
        }
        return null;
    }
}
