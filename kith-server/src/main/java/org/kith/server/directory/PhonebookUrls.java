package org.kith.server.directory;

import java.util.LinkedHashMap;
import java.util.Map;

/** The URLs of a viewer's XML phonebooks, to be typed into a phone as they are. */
public final class PhonebookUrls {
    /** The path segment that stands for "authenticate with HTTP Basic" instead of a token. */
    public static final String BASIC = "me";

    private PhonebookUrls() {}

    /**
     * One URL per vendor ({@code yealink}, {@code yealinkMenu}, {@code grandstream}, ...).
     * @param base    the server's public URL, without a trailing slash
     * @param token   a directory token, or {@link #BASIC}
     * @param groupId one group only, or null for all the viewer's groups
     */
    public static Map<String, String> of(String base, String token, Long groupId) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Vendor v : Vendor.values()) {
            if (v.key() != null) {
                urls.put(v.key(), base + "/directory/" + token + "/" + v.file()
                        + (groupId == null ? "" : "?group=" + groupId));
            }
        }
        return urls;
    }
}
