package org.kith.e2e.dav;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

import javax.imageio.ImageIO;

/** A small real JPEG, and reading a PHOTO back out of a vCard of either version. */
final class Photos {
    private Photos() {}

    static byte[] jpeg(Color color) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                img.setRGB(x, y, (x + y) % 2 == 0 ? color.getRGB() : Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String dataUri(byte[] jpeg) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
    }

    /**
     * The bytes of the card's PHOTO: vCard 3 inline ({@code ENCODING=b}) or vCard 4 data URI.
     * Fails when the photo is missing or not inline.
     */
    static byte[] of(VCardText card) {
        VCardText.Property photo = card.all("PHOTO").stream().findFirst()
                .orElseThrow(() -> new AssertionError("the card has no PHOTO"));
        String value = photo.value();
        if (value.startsWith("data:")) {
            return Base64.getDecoder().decode(value.substring(value.indexOf(',') + 1));
        }
        String params = photo.params().toUpperCase(Locale.ROOT);
        if (params.contains("ENCODING=B") || params.contains("ENCODING=BASE64")) {
            return Base64.getMimeDecoder().decode(value);
        }
        throw new AssertionError("PHOTO is not inline: " + photo);
    }
}
