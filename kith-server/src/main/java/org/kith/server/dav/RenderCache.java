package org.kith.server.dav;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ezvcard.VCardVersion;

/**
 * Rendered vCards by ETag and version, least recently used first out, bounded by total size.
 * The key includes the ETag, which changes whenever the served bytes would, so an entry is
 * never stale. Serving a 10,000-card book then costs string copies, not vCard writing.
 * Thread-safe.
 */
final class RenderCache {
    private final long maxChars;
    private long chars;
    private final LinkedHashMap<String, String> entries = new LinkedHashMap<>(1024, 0.75f, true);

    RenderCache(long maxChars) {
        this.maxChars = maxChars;
    }

    String get(String etag, VCardVersion version, Supplier<String> render) {
        String key = etag + version.getVersion();
        synchronized (this) {
            String hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        String text = render.get();
        synchronized (this) {
            String old = entries.put(key, text);
            chars += text.length() - (old == null ? 0 : old.length());
            var it = entries.entrySet().iterator();
            while (chars > maxChars && it.hasNext()) {
                Map.Entry<String, String> eldest = it.next();
                chars -= eldest.getValue().length();
                it.remove();
            }
        }
        return text;
    }
}
