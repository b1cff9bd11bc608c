package org.kith.server.webpush;

import java.nio.charset.StandardCharsets;

/** The WebDAV-Push message body: the book's topic and a content update with the viewer's new sync token. */
final class PushMessage {
    static final String NS = "https://bitfire.at/webdav-push";

    private PushMessage() {}

    static byte[] contentUpdate(String topic, String syncToken) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<push-message xmlns=\"" + NS + "\" xmlns:D=\"DAV:\">"
                + "<topic>" + escape(topic) + "</topic><content-update><D:sync-token>" + escape(syncToken)
                + "</D:sync-token></content-update></push-message>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
