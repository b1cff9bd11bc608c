package org.kith.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks and normalises a server address such as {@code https://kith.example.org/} . */
final class ServerUrl {
    private ServerUrl() {}

    /** The address without trailing slashes; a usage error when it is not an http(s) URL. */
    static String normalize(String url) {
        String s = url == null ? "" : url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw CliError.usage("'" + url + "' is not a server address; use e.g. http://localhost:8080");
            }
        } catch (URISyntaxException e) {
            throw CliError.usage("'" + url + "' is not a server address; use e.g. http://localhost:8080");
        }
        return s;
    }

    /** Whether two addresses name the same server (scheme and host compare case-insensitively). */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        URI x = URI.create(normalize(a));
        URI y = URI.create(normalize(b));
        return x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost().equalsIgnoreCase(y.getHost())
                && port(x) == port(y) && x.getRawPath().equals(y.getRawPath());
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
