package org.kith.server;

import java.time.Clock;
import java.util.List;

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
import org.kith.server.api.RestApi;
import org.kith.server.http.Authenticator;
import org.kith.server.http.Dispatcher;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;
import org.kith.server.push.EventHub;
import org.kith.server.push.PgNotifyBridge;
import org.kith.store.Stores;

/** A running Kith: store, services, push and the HTTP server, started and stopped together. */
public final class KithServer implements AutoCloseable {
    private final Config config;
    private final Store store;
    private final Kith kith;
    private final EventHub hub;
    private final PgNotifyBridge bridge;
    private final Server server;
    private final ServerConnector connector;

    private KithServer(Config config) {
        this.config = config;
        this.store = Stores.open(config.db(), config.data());
        Limits defaults = Limits.defaults();
        Limits limits = new Limits(config.maxMembers(), Math.min(defaults.defaultMemberLimit(), config.maxMembers()),
                defaults.maxPhotoBytes(), defaults.maxCardBytes(), defaults.sessionTtl(), defaults.changesPageSize(),
                defaults.defaultRegion(), defaults.maxInvitationHours());
        this.kith = new Kith(store, limits, Clock.systemUTC(),
                new PasswordHasher(config.argon2MemoryKib(), config.argon2Iterations()));
        this.hub = new EventHub(kith);
        this.bridge = config.db() == null ? null : new PgNotifyBridge(Stores.jdbcUrl(config.db()), kith);
        this.server = new Server(threadPool());
        this.connector = new ServerConnector(server);
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(60_000); // event streams ping every 15 s
        server.addConnector(connector);
        List<Route> routes = RestApi.routes(kith, hub, this::baseUrl);
        ContextHandler root = new ContextHandler("/");
        root.setHandler(new Dispatcher(routes, new Authenticator(kith.accounts())));
        server.setHandler(root);
        server.setStopTimeout(5_000);
    }

    private static ThreadPool threadPool() {
        if (VirtualThreads.areSupported()) {
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
        KithServer s = new KithServer(config);
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public Kith kith() {
        return kith;
    }

    public EventHub hub() {
        return hub;
    }

    /** Where clients reach this server: the configured base URL, else what the request used. */
    String baseUrl(Exchange ex) {
        if (!config.baseUrl().isEmpty()) {
            return config.baseUrl();
        }
        var uri = ex.request().getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    public String describe() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        String db = config.db() == null ? "sqlite " + config.data().resolve("kith.db") : "postgresql";
        return "Kith listening on http://" + host + ":" + port() + " (database: " + db + ")";
    }

    @Override
    public void close() throws Exception {
        hub.close(); // ends the open event streams so the server can stop at once
        try {
            server.stop();
        } finally {
            if (bridge != null) {
                bridge.close();
            }
            store.close();
        }
    }
}
