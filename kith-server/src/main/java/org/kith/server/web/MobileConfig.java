package org.kith.server.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.kith.core.model.Username;

/**
 * An Apple configuration profile ({@code .mobileconfig}) that adds Kith as a CardDAV account on
 * iOS, iPadOS and macOS in one tap: a {@code Configuration} holding one
 * {@code com.apple.carddav.account} payload with the host, port, TLS flag, username, a device's
 * app password and the principal URL. Identifiers and UUIDs are derived from server and
 * username, so installing a newer profile replaces the older one instead of adding a second
 * account. Unsigned (the device says so when installing). Thread-safe (stateless).
 */
final class MobileConfig {
    static final String CONTENT_TYPE = "application/x-apple-aspen-config";

    private MobileConfig() {}

    static byte[] profile(String baseUrl, String username, String appPassword, String displayName, String description) {
        URI base = URI.create(baseUrl);
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        String host = base.getHost();
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String idBase = "org.kith." + host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-") + "."
                + Username.of(username).key();
        String seed = baseUrl + "\n" + Username.of(username).key();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>PayloadContent</key>
                  <array>
                    <dict>
                      <key>CardDAVAccountDescription</key><string>%1$s</string>
                      <key>CardDAVHostName</key><string>%2$s</string>
                      <key>CardDAVPort</key><integer>%3$d</integer>
                      <key>CardDAVUseSSL</key><%4$s/>
                      <key>CardDAVUsername</key><string>%5$s</string>
                      <key>CardDAVPassword</key><string>%6$s</string>
                      <key>CardDAVPrincipalURL</key><string>%7$s</string>
                      <key>PayloadDescription</key><string>%8$s</string>
                      <key>PayloadDisplayName</key><string>%1$s</string>
                      <key>PayloadIdentifier</key><string>%9$s.carddav</string>
                      <key>PayloadType</key><string>com.apple.carddav.account</string>
                      <key>PayloadUUID</key><string>%10$s</string>
                      <key>PayloadVersion</key><integer>1</integer>
                    </dict>
                  </array>
                  <key>PayloadDescription</key><string>%8$s</string>
                  <key>PayloadDisplayName</key><string>%1$s</string>
                  <key>PayloadIdentifier</key><string>%9$s</string>
                  <key>PayloadOrganization</key><string>Kith</string>
                  <key>PayloadRemovalDisallowed</key><false/>
                  <key>PayloadType</key><string>Configuration</string>
                  <key>PayloadUUID</key><string>%11$s</string>
                  <key>PayloadVersion</key><integer>1</integer>
                </dict>
                </plist>
                """.formatted(x(displayName), x(host), port, tls ? "true" : "false", x(username), x(appPassword),
                x(prefix + "/dav/principals/" + username + "/"), x(description), x(idBase),
                uuid(seed + "\ncarddav"), uuid(seed + "\nprofile"));
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
    }

    /** XML text escaping (the same five characters as HTML). */
    private static String x(String s) {
        return Html.escape(s);
    }
}
