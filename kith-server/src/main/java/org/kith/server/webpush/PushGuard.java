package org.kith.server.webpush;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Where push messages may go (the server's defence against request forgery through a push
 * resource): {@code https} to public addresses only. Loopback, private, link-local, shared and
 * other special addresses are refused unless the operator's allowlist ({@code --push-allow-hosts},
 * host names, addresses or CIDR ranges) names them; {@code http} is accepted only to allowlisted
 * targets. The check runs when a phone registers and again, as the HTTP client's resolver, on
 * every connection, so a name that later resolves elsewhere is refused too. Thread-safe.
 */
public final class PushGuard implements SocketAddressResolver {
    static final int MAX_URL = 2048;

    private final Set<String> hosts;
    private final List<Range> ranges;

    private record Range(byte[] network, int bits) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((b[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private PushGuard(Set<String> hosts, List<Range> ranges) {
        this.hosts = hosts;
        this.ranges = ranges;
    }

    /**
     * @param allowList comma-separated host names, IP addresses and CIDR ranges; blank for none
     * @throws IllegalArgumentException naming the first entry that is none of these
     */
    public static PushGuard of(String allowList) {
        Set<String> hosts = new java.util.HashSet<>();
        List<Range> ranges = new ArrayList<>();
        for (String raw : allowList.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String addr = slash < 0 ? entry : entry.substring(0, slash);
            if (isLiteral(addr)) {
                byte[] bytes = literal(addr).getAddress();
                int bits = bytes.length * 8;
                if (slash >= 0) {
                    try {
                        bits = Integer.parseInt(entry.substring(slash + 1));
                    } catch (NumberFormatException e) {
                        bits = -1;
                    }
                    if (bits < 0 || bits > bytes.length * 8) {
                        throw new IllegalArgumentException("'" + raw.strip() + "' has a bad prefix length");
                    }
                }
                ranges.add(new Range(bytes, bits));
            } else if (slash < 0 && entry.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
                hosts.add(entry);
            } else {
                throw new IllegalArgumentException("'" + raw.strip() + "' is not a host name, an address or a CIDR range");
            }
        }
        return new PushGuard(Set.copyOf(hosts), List.copyOf(ranges));
    }

    /**
     * Checks a push resource a phone sent: syntax, scheme, and where its host resolves now.
     * @return the parsed URL
     * @throws InvalidSubscription saying what is wrong
     */
    public URI check(String url) {
        URI uri = parse(url);
        List<InetAddress> addresses = resolve(uri.getHost());
        boolean named = hosts.contains(host(uri));
        if (!named && addresses.stream().noneMatch(this::allowed)) {
            throw new InvalidSubscription("the push resource's host " + uri.getHost() + " is a private or local address");
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !named && addresses.stream().noneMatch(this::listed)) {
            throw new InvalidSubscription("the push resource must use https");
        }
        return uri;
    }

    static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new InvalidSubscription("the push resource must be a URL of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidSubscription("the push resource is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw new InvalidSubscription("the push resource must be an https URL with a host, no user name and no fragment");
        }
        return uri;
    }

    private static String host(URI uri) {
        String h = uri.getHost().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private List<InetAddress> resolve(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return List.of(InetAddress.getAllByName(h));
        } catch (UnknownHostException e) {
            throw new InvalidSubscription("the push resource's host " + host + " cannot be resolved");
        }
    }

    /** Listed by the operator, or a public address. */
    private boolean allowed(InetAddress a) {
        return listed(a) || isPublic(a);
    }

    private boolean listed(InetAddress a) {
        for (Range r : ranges) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Resolves for the HTTP client, keeping only addresses this guard allows. */
    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            boolean named = hosts.contains(host.toLowerCase(Locale.ROOT));
            List<InetSocketAddress> out = new ArrayList<>();
            for (InetAddress a : resolve(host)) {
                if (named || allowed(a)) {
                    out.add(new InetSocketAddress(a, port));
                }
            }
            if (out.isEmpty()) {
                throw new InvalidSubscription("the push resource's host " + host + " now resolves to a private or local address");
            }
            promise.succeeded(out);
        } catch (InvalidSubscription e) {
            promise.failed(e);
        }
    }

    /** Not loopback, private, link-local, shared, multicast, documentation or otherwise special. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            return !(o0 == 0 || o0 >= 240 // "this network", reserved and broadcast
                    || o0 == 100 && o1 >= 64 && o1 < 128 // shared (carrier NAT)
                    || o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || o0 == 198 && (o1 == 18 || o1 == 19)); // benchmarking
        }
        if (a instanceof Inet6Address) {
            int o0 = b[0] & 0xff;
            if ((o0 & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if (o0 == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // documentation 2001:db8::/32
            }
            return !(o0 == 0x20 && b[1] == 0x02) && !(o0 == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff); // 6to4, NAT64
        }
        return false;
    }

    private static boolean isLiteral(String s) {
        return s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || s.contains(":") && s.matches("[0-9a-f:.]+");
    }

    private static InetAddress literal(String s) {
        if (s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            for (String part : s.split("\\.")) {
                if (new BigInteger(part).intValue() > 255) {
                    throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
                }
            }
        }
        try {
            return InetAddress.getByName(s); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + s + "' is not an address");
        }
    }
}
