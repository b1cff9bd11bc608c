package org.kith.server.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;

/**
 * Turns an uploaded picture into a card photo: at most {@link #MAX_SIDE} pixels on each side,
 * JPEG, small enough for the card rules. Phones' camera pictures are several megabytes; a
 * contact photo needs a few dozen kilobytes. Thread-safe (stateless).
 */
final class Photos {
    static final int MAX_SIDE = 512;
    /** Refuse to decode pictures bigger than this (a small file can claim a huge canvas). */
    private static final long MAX_PIXELS = 50_000_000L;

    static {
        System.setProperty("java.awt.headless", "true"); // a server has no display; resizing needs none
    }

    private Photos() {}

    /**
     * @return a {@code data:image/jpeg;base64,...} URI of the resized picture
     * @throws Invalid (field {@code photo}) when the bytes are not a picture ImageIO can read
     */
    static String toCardPhoto(byte[] upload, int maxBytes) {
        BufferedImage source = read(upload);
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage target = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent PNG areas become white, not black
            g.fillRect(0, 0, tw, th);
            g.drawImage(source, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        for (float quality : new float[] {0.85f, 0.7f, 0.5f, 0.3f}) {
            byte[] jpeg = jpeg(target, quality);
            if (jpeg.length <= maxBytes) {
                return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
            }
        }
        throw Invalid.value(ErrorCode.PICTURE_CANNOT_SHRINK, "photo", "the photo cannot be made small enough");
    }

    private static BufferedImage read(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw Invalid.value(ErrorCode.PICTURE_FORMAT_UNKNOWN, "photo",
                        "the file is not a picture (use JPEG, PNG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw Invalid.value(ErrorCode.PICTURE_TOO_MANY_PIXELS, "photo", "the picture has too many pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Invalid invalid) {
                throw invalid;
            }
            throw Invalid.value(ErrorCode.PICTURE_DAMAGED, "photo", "the picture could not be read: it may be damaged");
        }
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The bytes and media type of a card's {@code data:} photo, or null. */
    record Decoded(String mediaType, byte[] bytes) {}

    static Decoded decode(String dataUri) {
        if (dataUri == null || !dataUri.startsWith("data:image/")) {
            return null;
        }
        int semi = dataUri.indexOf(';');
        int comma = dataUri.indexOf(',');
        if (semi < 0 || comma < semi) {
            return null;
        }
        try {
            return new Decoded(dataUri.substring(5, semi), Base64.getMimeDecoder().decode(dataUri.substring(comma + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
