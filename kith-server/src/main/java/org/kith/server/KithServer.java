package org.kith.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.kith.core.Kith;
import org.kith.core.Limits;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.store.Store;
import org.kith.server.api.ApiSurface;
import org.kith.server.api.DirectoryApi;
import org.kith.server.api.RestApi;
import org.kith.server.dav.CardDav;
import org.kith.server.dav.DavPush;
import org.kith.server.directory.Directories;
import org.kith.server.directory.PhonebookRoutes;
import org.kith.server.http.Authenticator;
import org.kith.server.http.BodyGate;
import org.kith.server.http.Exchange;
import org.kith.server.http.ProblemErrorHandler;
import org.kith.server.http.Route;
import org.kith.server.http.Router;
import org.kith.server.ldap.LdapDirectory;
import org.kith.server.push.EventHub;
import org.kith.server.web.DeskPhonePages;
import org.kith.server.web.WebUi;
import org.kith.server.webpush.WebPush;
import org.kith.store.Stores;

/**
 * A running Kith: store (with its change signal, across nodes on PostgreSQL), services, push and
 * the HTTP server, started and stopped together. Used by {@link Main} and, in-process, by tests and
 * benchmarks. Thread-safe.
 */
public final class KithServer implements AutoCloseable {
    private final Config config;
    private final Store store;
    private final Kith kith;
    private final EventHub hub;
    private final DavPush davPush;
    private final WebPush webPush;
    private final Authenticator authenticator;
    private final List<Route> routes;
    private final Server server;
    private final ServerConnector connector;
    private final BodyGate bodies;
    private final LdapDirectory ldap;

    private KithServer(Config config, Clock clock) {
        this.config = config;
        this.store = Stores.open(config.db(), config.data());
        try {
            this.kith = new Kith(store, limits(config), clock,
                    new PasswordHasher(config.argon2MemoryKib(), config.argon2Iterations()), config.registration());
            this.hub = new EventHub(kith, Duration.ofSeconds(config.pingSeconds()));
            this.davPush = new DavPush(kith);
            this.webPush = WebPush.start(kith, Stores.push(store), davPush, new WebPush.Settings(config.vapidSubject(),
                    config.pushAllowHosts(), config.pushTtlSeconds(), config.pushQueue()), clock);
            davPush.attach(webPush);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.authenticator = new Authenticator(kith.accounts());
        Directories directories = new Directories(kith);
        this.ldap = startLdap(config, directories);
        this.routes = RestApi.routes(kith, hub, webPush, this::baseUrl, extraRoutes(directories));
        this.server = new Server(threadPool());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Path segments are decoded once by the dispatcher, from the raw path, so %25 and %2F inside a
        // segment are unambiguous here; refusing them would break names such as "50%.vcf".
        http.setUriCompliance(UriCompliance.DEFAULT.with("kith", UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(Math.max(60_000, 4_000L * config.pingSeconds())); // streams ping well within it
        server.addConnector(connector);
        ContextHandler root = new ContextHandler("/");
        this.bodies = new BodyGate(config.maxBodyReaders(), config.bodyMinRate(),
                Duration.ofSeconds(config.bodyGraceSeconds()));
        root.setHandler(new Router(List.of(new ApiSurface(routes, authenticator), new CardDav(kith, authenticator, davPush, this::baseUrl),
                new WebUi(kith, hub, webPush, this::baseUrl, new DeskPhonePages.Settings(tokenLifetime(),
                        r -> ldap == null ? Optional.empty() : Optional.of(ldap.url(r.getHttpURI().getHost()))))),
                bodies));
        server.setHandler(root);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setStopTimeout(5_000);
    }

    /** Routes beside the API: the site's, the desk phones' XML phonebooks and their tokens. */
    private List<Route> extraRoutes(Directories directories) {
        List<Route> extra = new ArrayList<>(Site.routes());
        extra.addAll(new PhonebookRoutes(directories, authenticator, this::baseUrl).routes());
        extra.addAll(new DirectoryApi(kith, this::baseUrl, tokenLifetime(),
                ex -> ldap == null ? Optional.empty() : Optional.of(ldap.url(ex.request().getHttpURI().getHost())))
                .routes());
        return extra;
    }

    private Duration tokenLifetime() {
        return Duration.ofDays(config.directory().tokenDays());
    }

    private LdapDirectory startLdap(Config config, Directories directories) {
        Config.Directory d = config.directory();
        if (d.ldapPort() == 0) {
            return null;
        }
        try {
            return LdapDirectory.start(directories, d.ldapHost(), d.ldapPort(), d.ldapKeystore(),
                    d.ldapKeystorePassword());
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot start the LDAP directory on " + d.ldapHost() + ":" + d.ldapPort()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The LDAP directory's port, or 0 when LDAP is off. */
    public int ldapPort() {
        return ldap == null ? 0 : ldap.port();
    }

    static Limits limits(Config config) {
        Limits d = Limits.defaults();
        return new Limits(config.maxMembers(), Math.min(d.defaultMemberLimit(), config.maxMembers()),
                d.maxPhotoBytes(), d.maxCardBytes(), d.sessionTtl(), d.changesPageSize(), d.defaultRegion(),
                d.maxInvitationHours());
    }

    private static ThreadPool threadPool() {
        if (VirtualThreads.areSupported()) { // Java 21+: a blocked request costs no platform thread
            VirtualThreadPool pool = new VirtualThreadPool();
            pool.setName("kith");
            return pool;
        }
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("kith");
        return pool;
    }

    /** Opens the database and starts listening. */
    public static KithServer start(Config config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(Config)}, with the services' clock (tests move time to expire invitations). */
    public static KithServer start(Config config, Clock clock) throws Exception {
        KithServer s = new KithServer(config, clock);
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** The port actually listened on (the real one when configured with 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public Kith kith() {
        return kith;
    }

    public EventHub hub() {
        return hub;
    }

    /** Push to phones (WebDAV-Push over Web Push). */
    public WebPush webPush() {
        return webPush;
    }

    /** The route table, as served and as documented in the OpenAPI document. */
    public List<Route> routes() {
        return routes;
    }

    /** Where clients reach this server: the configured base URL, else what the request used. */
    String baseUrl(Exchange ex) {
        return baseUrl(ex.request());
    }

    private String baseUrl(org.eclipse.jetty.server.Request request) {
        if (!config.baseUrl().isEmpty()) {
            return config.baseUrl();
        }
        var uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** The start line: {@code Kith listening on http://127.0.0.1:8080 (database: sqlite ./data/kith.db)}. */
    public String describe() {
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String db = config.db() == null ? "sqlite " + config.data().resolve("kith.db")
                : "postgresql " + config.db().replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@");
        return "Kith listening on http://" + host + ":" + port() + " (database: " + db + ")";
    }

    /** Ends the event streams, stops HTTP and the store. */
    @Override
    public void close() throws Exception {
        hub.close(); // ends the open event streams so the server can stop at once
        if (ldap != null) {
            ldap.close();
        }
        try {
            server.stop();
        } finally {
            bodies.close();
            try {
                webPush.close();
            } finally {
                store.close();
            }
        }
    }
}
