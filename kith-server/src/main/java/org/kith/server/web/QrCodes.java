package org.kith.server.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as inline SVG: one path of dark modules, drawn by the browser at any size and
 * printed sharp. Nothing is loaded from elsewhere, so it works under the page's CSP.
 * Thread-safe (stateless).
 */
final class QrCodes {
    private QrCodes() {}

    /** The code for {@code text}, labelled for screen readers with {@code label}. */
    static Html svg(String text, String label) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        }
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        int w = m.getWidth();
        int h = m.getHeight();
        return Tags.el("svg", Tags.attr("xmlns", "http://www.w3.org/2000/svg"), Tags.attr("viewBox", "0 0 " + w + " " + h),
                Tags.attr("role", "img"), Tags.attr("aria-label", label), Tags.cls("qr"),
                Tags.attr("shape-rendering", "crispEdges"),
                Tags.el("rect", Tags.attr("width", w), Tags.attr("height", h), Tags.attr("fill", "#fff")),
                Tags.el("path", Tags.attr("d", d.toString()), Tags.attr("fill", "#000")));
    }
}
