package org.kith.server.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.unboundid.ldap.listener.LDAPListener;
import com.unboundid.ldap.listener.LDAPListenerConfig;
import org.kith.server.directory.Directories;

/**
 * The read-only LDAPv3 directory: an UnboundID {@link LDAPListener} with Kith's own request
 * handler ({@link LdapHandler}). Requests larger than {@link #MAX_MESSAGE_BYTES} end the
 * connection; at most {@link #MAX_CONNECTIONS} clients at once. With a keystore the port speaks
 * LDAPS. Thread-safe; started once, closed once.
 */
public final class LdapDirectory implements AutoCloseable {
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final int MAX_CONNECTIONS = 256;

    private final LDAPListener listener;
    private final LdapSettings settings;

    private LdapDirectory(LDAPListener listener, LdapSettings settings) {
        this.listener = listener;
        this.settings = settings;
    }

    /**
     * Starts listening.
     * @param keystore a PKCS#12 file with the server's key and certificate for LDAPS, or null
     * @throws IOException when the port cannot be opened or the keystore read
     */
    public static LdapDirectory start(Directories directories, String host, int port, Path keystore,
                                      String keystorePassword) throws IOException {
        LdapSettings settings = new LdapSettings(host, port, keystore != null);
        LDAPListenerConfig config = new LDAPListenerConfig(port, new LdapHandler(directories, settings));
        config.setListenAddress(InetAddress.getByName(host));
        config.setMaxMessageSizeBytes(MAX_MESSAGE_BYTES);
        config.setMaxConnections(MAX_CONNECTIONS);
        if (keystore != null) {
            config.setServerSocketFactory(tls(keystore, keystorePassword).getServerSocketFactory());
        }
        LDAPListener listener = new LDAPListener(config);
        listener.startListening();
        return new LdapDirectory(listener, settings);
    }

    private static SSLContext tls(Path keystore, String password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            char[] secret = password == null ? new char[0] : password.toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, secret);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the LDAP keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** The port listened on (the real one when 0 was asked for). */
    public int port() {
        return listener.getListenPort();
    }

    public LdapSettings settings() {
        return settings;
    }

    /** The URL clients use; {@code requestHost} stands in when listening on every address. */
    public String url(String requestHost) {
        return settings.url(requestHost, port());
    }

    @Override
    public void close() {
        listener.shutDown(true);
    }
}
