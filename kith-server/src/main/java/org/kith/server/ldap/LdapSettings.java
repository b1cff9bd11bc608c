package org.kith.server.ldap;

/**
 * Where the LDAP directory listens and how clients reach it.
 *
 * @param host the address listened on (127.0.0.1 by default)
 * @param port the port; 0 picks a free one (tests)
 * @param ldaps whether the port speaks TLS from the first byte (a keystore was configured)
 */
public record LdapSettings(String host, int port, boolean ldaps) {

    /** The URL to give clients; {@code requestHost} (the host the web request used) stands in for a wildcard address. */
    public String url(String requestHost, int actualPort) {
        String h = host.equals("0.0.0.0") || host.equals("::") ? requestHost : host;
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return (ldaps ? "ldaps://" : "ldap://") + h + ":" + actualPort;
    }

    /** Whether only this machine can connect (then simple binds in clear text are allowed). */
    public boolean loopbackOnly() {
        return host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost") || host.startsWith("127.");
    }
}
