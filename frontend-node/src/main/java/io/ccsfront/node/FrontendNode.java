package io.ccsfront.node;

import java.net.URI;
import io.ccsfront.node.proxy.WorkerStatus;
import io.ccsfront.node.admin.console.ConsoleRoutes;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.hazelcast.core.HazelcastInstance;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.node.admin.AdminServer;
import io.ccsfront.node.admin.AdminServices;
import io.ccsfront.node.admin.AdminSettings;
import io.ccsfront.node.admin.CacheView;
import io.ccsfront.node.cluster.ClusterConfigService;
import io.ccsfront.node.cluster.ClusterMembers;
import io.ccsfront.node.cluster.ClusterSettings;
import io.ccsfront.node.cluster.ClusterView;
import io.ccsfront.node.cluster.HazelcastMember;
import io.ccsfront.node.cluster.StandaloneCluster;
import io.ccsfront.node.config.Listener;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.config.NodeSettings;
import io.ccsfront.node.config.SecretSettings;
import io.ccsfront.node.config.Secrets;
import io.ccsfront.node.metrics.ConfigMetrics;
import io.ccsfront.node.metrics.MetricsSettings;
import io.ccsfront.node.metrics.NodeMetrics;
import io.ccsfront.node.proxy.ProxyHandler;
import io.ccsfront.node.proxy.ProxyMetrics;
import io.ccsfront.node.proxy.ProxySettings;
import io.ccsfront.node.state.AppliedChanges;
import io.ccsfront.node.state.CcsFolderWatcher;
import io.ccsfront.node.state.CcsSettings;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.state.Installer;
import io.ccsfront.node.state.LocalConfigService;
import io.ccsfront.node.tls.CertificateCache;
import io.ccsfront.node.tls.NativeKeyCacheRefresher;
import io.ccsfront.node.tls.ServedCertificate;
import io.ccsfront.node.tls.TlsSettings;
import io.ccsfront.node.tls.TlsWiring;
import io.ccsfront.selection.CertificateHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.MicrometerMetricsFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One front-end node: the composition root. It builds each component from its settings and the
 * services it uses, binds the TLS and HTTP listeners and the admin listener, and stops them in
 * order. {@link #start} returns when every listener is bound.
 */
public final class FrontendNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontendNode.class);

    private final NodeConfig config;
    private final NodeSettings settings;
    private final TlsSettings tlsSettings;
    private final ClusterSettings clusterSettings;
    private final CcsSettings ccsSettings;
    private final ProxySettings proxySettings;
    private final MetricsSettings metricsSettings;
    private final Clock clock;
    private Vertx vertx;
    private PrometheusMeterRegistry registry;
    private ConfigService configService;
    private KeyProtector protector;
    private String adminToken;
    private TlsWiring tls;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Integer> httpsPorts = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private int adminPort;
    private AdminServer admin;
    private CcsFolderWatcher ccsFolder;
    private ProxyHandler proxy;
    private HazelcastInstance hazelcast;
    private ClusterView clusterView;
    private Consumer<AdminServices> adminApi = services -> { };
    private volatile boolean ready;

    public FrontendNode(NodeConfig config, Clock clock) {
        this.config = config;
        this.settings = NodeSettings.from(config);
        this.tlsSettings = TlsSettings.from(config);
        this.clusterSettings = ClusterSettings.from(config);
        this.ccsSettings = CcsSettings.from(config);
        this.proxySettings = ProxySettings.from(config);
        this.metricsSettings = MetricsSettings.from(config);
        this.clock = clock;
    }

    /** Starts everything; {@code requestHandler} builds the HTTP request handler (the proxy) once the node is wired. */
    public FrontendNode start(Function<FrontendNode, Handler<HttpServerRequest>> requestHandler) {
        long t0 = System.nanoTime();
        SecretSettings secrets = SecretSettings.from(config);
        protector = Secrets.masterKey(secrets, settings.dataDir());
        adminToken = Secrets.adminToken(secrets, settings.dataDir());
        registry = NodeMetrics.registry(settings.nodeName());
        vertx = Vertx.builder()
                .with(new VertxOptions().setPreferNativeTransport(true)
                        .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
                        .setMetricsOptions(NodeMetrics.vertxOptions()))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .withTransport(AcceptOnEventLoopTransport.preferNative())
                .build();
        NodeMetrics.bindNetty(((VertxInternal) vertx).eventLoopGroup(), registry);
        if (!vertx.isNativeTransportEnabled()) {
            LOG.warn("native epoll transport unavailable ({}); using NIO", vertx.unavailableNativeTransportCause());
        }
        // the admin listener opens first: /health/live and /metrics answer while the node joins the cluster
        admin = new AdminServer(vertx, registry, adminToken, () -> ready && configService.ready());
        adminPort = admin.start(settings.adminHost(), settings.adminPort(), settings.adminTlsCertFile(), settings.adminTlsKeyFile());
        if (clusterSettings.enabled()) {
            hazelcast = HazelcastMember.start(clusterSettings, settings.nodeName());
            configService = ClusterConfigService.start(hazelcast, protector, settings.dataDir().resolve("config"), clock,
                    settings.nodeName(), clusterSettings.initialMembers(), clusterSettings.joinTimeout(), 1000);
        } else {
            configService = LocalConfigService.open(settings.dataDir().resolve("config"), 1000, clock);
        }
        new ConfigMetrics(configService, clock, () -> hazelcast == null ? 1 : hazelcast.getCluster().getMembers().size())
                .bindTo(registry);

        if (settings.defaultCertificate()) {
            Set<Integer> ports = new TreeSet<>();
            settings.https().forEach(l -> ports.add(l.port()));
            Installer.defaultCertificate(configService, ports, protector, clock);
        }
        Installer.ccsBindings(configService, ccsSettings.bindPorts());

        AppliedChanges changes = AppliedChanges.of(configService);
        tls = TlsWiring.create(tlsSettings, configService, protector, clock, registry);
        changes.subscribe(tls::applied);
        tls.startTimers(vertx);

        Handler<HttpServerRequest> handler = requestHandler.apply(this);
        for (Listener l : settings.https()) {
            HttpServerOptions o = tls.secure(baseOptions(l));
            httpsPorts.add(listen(o, handler, l));
        }
        for (Listener l : settings.http()) {
            httpPorts.add(listen(baseOptions(l), handler, l));
        }
        String adminUrl = (settings.adminTlsCertFile().isEmpty() ? "http" : "https") + "://"
                + hostPort(settings.adminHost().equals("0.0.0.0") ? advertisedHost() : settings.adminHost(), adminPort);
        if (hazelcast != null) {
            ClusterMembers members = new ClusterMembers(hazelcast).publish(settings.nodeName(), adminUrl, this::httpsEndpoints,
                    () -> configService.current().version(), clusterSettings.trusted());
            configService.addListener((b, a, r) -> members.update());
            clusterView = members;
        } else {
            clusterView = new StandaloneCluster(settings.nodeName(), adminUrl, this::httpsEndpoints, () -> configService.current().version());
        }
        adminApi.accept(new AdminServices(vertx, admin, configService, protector, clock, cacheView(tls.cache()), clusterView,
                boundListeners(), AdminSettings.from(config, settings, adminPort, Secrets.adminTokenSource(secrets, settings.dataDir())),
                changes, workerStatus()));
        LOG.info("admin API, /metrics and /health on {}:{}{}", settings.adminHost(), adminPort,
                isLoopback(settings.adminHost()) ? "" : " (NOT loopback: make sure only trusted networks reach it)");
        if (ccsSettings.folder() != null) {
            ccsFolder = new CcsFolderWatcher(ccsSettings.folder(), ccsSettings.password(), protector, configService);
            ccsFolder.start(vertx, ccsSettings.pollInterval());
        }
        if (settings.demo()) {
            Demo.install(vertx, configService, protector, clock, httpsPorts, httpPorts,
                    "Web console: " + ConsoleRoutes.url(admin.tls(), settings.adminHost(), adminPort) + " (sign in with the admin token in "
                            + Secrets.adminTokenSource(secrets, settings.dataDir()) + ")");
        }
        ready = true;
        LOG.info("node {} ready in {} ms: https {} http {} ({} engine), configuration version {}", settings.nodeName(),
                (System.nanoTime() - t0) / 1_000_000, httpsPorts, httpPorts, tls.openSsl() ? "BoringSSL" : "JDK",
                configService.current().version());
        return this;
    }

    private HttpServerOptions baseOptions(Listener l) {
        HttpServerOptions o = new HttpServerOptions().setHost(l.host()).setPort(l.port()).setReusePort(false);
        proxySettings.applyTo(o);
        return o;
    }

    /**
     * Listens on one event loop per core: one Vert.x server instance per event loop on the same
     * address (Vert.x shares the socket and hands accepted connections to the instances' event
     * loops in turn). A single instance would serve every connection of the listener on one
     * event loop, i.e. one core, whatever {@code setEventLoopPoolSize} says.
     */
    private int listen(HttpServerOptions o, Handler<HttpServerRequest> handler, Listener l) {
        AtomicInteger open = new AtomicInteger();
        int max = settings.maxConnections();
        VertxInternal vi = (VertxInternal) vertx;
        int port = l.port();
        HttpServer first = null;
        int instances = 0;
        for (EventExecutor loop : vi.eventLoopGroup()) {
            ContextInternal ctx = vi.contextBuilder()
                    .withThreadingModel(ThreadingModel.EVENT_LOOP)
                    .withEventLoop((EventLoop) loop).build();
            HttpServer server = vertx.createHttpServer(o);
            server.connectionHandler(conn -> {
                if (open.incrementAndGet() > max) {
                    conn.close();
                }
                conn.closeHandler(v -> open.decrementAndGet());
            });
            server.requestHandler(handler);
            Promise<HttpServer> bound = Promise.promise();
            int p = port;
            ctx.runOnContext(v -> server.listen(p, l.host()).onComplete(bound));
            bound.future().await();
            servers.add(server);
            instances++;
            if (first == null) {
                first = server;
                port = server.actualPort(); // port 0: the others share the port the first one got
            }
        }
        Gauge.builder("ccsfront.listener.connections", open, AtomicInteger::get)
                .description("open client connections on the listener")
                .tags("scheme", o.isSsl() ? "https" : "http", "listener", hostPort(l.host(), port))
                .register(registry);
        if (o.isSsl()) {
            tls.listening(first, o);
        }
        LOG.info("listening on {}:{} on {} event loop(s){}", l.host(), port, instances,
                o.isSsl() ? " (TLS, certificate chosen per handshake)" : "");
        return port;
    }

    public Vertx vertx() {
        return vertx;
    }

    public ConfigService configService() {
        return configService;
    }

    public KeyProtector protector() {
        return protector;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public NodeSettings settings() {
        return settings;
    }

    public NodeConfig config() {
        return config;
    }

    public CertificateCache cache() {
        return tls.cache();
    }

    public String adminToken() {
        return adminToken;
    }

    public List<Integer> httpsPorts() {
        return List.copyOf(httpsPorts);
    }

    public List<Integer> httpPorts() {
        return List.copyOf(httpPorts);
    }

    public Clock clock() {
        return clock;
    }

    /** Installs the admin API (called before {@link #start}); it gets the services it uses and mounts its routes on {@link #admin()}. */
    public FrontendNode withAdminApi(Consumer<AdminServices> api) {
        this.adminApi = api;
        return this;
    }

    /** The embedded Hazelcast member, or null when cluster.enabled=false. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public ClusterView clusterView() {
        return clusterView;
    }

    /** The HTTPS endpoints to probe this node on: {@code 127.0.0.1:<port>} for wildcard listeners. */
    public List<String> httpsEndpoints() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < httpsPorts.size(); i++) {
            String h = settings.https().get(i).host();
            out.add(hostPort(h.equals("0.0.0.0") || h.equals("::") ? advertisedHost() : h, httpsPorts.get(i)));
        }
        return out;
    }

    /** The client listeners as bound, for the admin API. */
    private AdminServices.Listeners boundListeners() {
        List<Listener> https = new ArrayList<>();
        List<Listener> http = new ArrayList<>();
        for (int i = 0; i < httpsPorts.size(); i++) {
            https.add(new Listener(settings.https().get(i).host(), httpsPorts.get(i)));
        }
        for (int i = 0; i < httpPorts.size(); i++) {
            http.add(new Listener(settings.http().get(i).host(), httpPorts.get(i)));
        }
        return new AdminServices.Listeners(https, http, httpsEndpoints());
    }

    /** The certificate cache as the admin API sees it: read only. */
    private static CacheView cacheView(CertificateCache cache) {
        return new CacheView() {
            @Override
            public CertificateHealth health() {
                return cache.health();
            }

            @Override
            public CacheView.Figures figures() {
                CacheStats st = cache.stats();
                long builds = cache.builds();
                return new CacheView.Figures(cache.size(), st.hitCount(), st.missCount(), st.requestCount() == 0 ? 0.0 : st.hitRate(),
                        st.evictionCount(), builds, builds == 0 ? 0 : cache.buildNanos() / builds / 1000, cache.invalidations(),
                        cache.brokenCount());
            }
        };
    }

    /** The address other members and ccsctl reach this node on when it listens on a wildcard. */
    private String advertisedHost() {
        return clusterSettings.enabled() ? clusterSettings.bindAddress() : "127.0.0.1";
    }

    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The CCS folder watcher, or null when {@code ccs.folder} is not set. */
    public CcsFolderWatcher ccsFolder() {
        return ccsFolder;
    }

    /** BoringSSL's native key-cache refresher, or null with the JDK engine. */
    public NativeKeyCacheRefresher nativeKeyCacheRefresher() {
        return tls.refresher();
    }

    /** The proxy's view of a web worker's health; null when this node runs no proxy (tests with another handler). */
    public Function<URI, WorkerStatus> workerStatus() {
        return uri -> proxy == null ? null : proxy.workerStatus(uri);
    }

    public int adminPort() {
        return adminPort;
    }

    public AdminServer admin() {
        return admin;
    }

    /**
     * The production request handler: the proxy to each site's web workers (ARR's job), told the
     * certificate served on each connection by the TLS layer.
     */
    public static Handler<HttpServerRequest> defaultHandler(FrontendNode node) {
        ProxyHandler proxy = new ProxyHandler(node.vertx, node.configService::current, node.proxySettings,
                req -> ServedCertificate.of(req.connection().sslSession()), new ProxyMetrics(node.registry, node.metricsSettings.perSiteSites()));
        node.proxy = proxy;
        return proxy;
    }

    private static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("::1") || host.equals("localhost");
    }

    /**
     * Graceful stop: readiness goes down, listeners stop accepting, in-flight requests get up to
     * {@code shutdown.drainTimeout} to finish, then the cluster is left and everything closed.
     */
    @Override
    public void close() {
        ready = false;
        long drainMs = settings.drainTimeout().toMillis();
        LOG.info("node {} stopping: draining in-flight requests for up to {} ms", settings.nodeName(), drainMs);
        List<Future<Void>> closing = new ArrayList<>();
        for (HttpServer s : servers) {
            closing.add(s.shutdown(drainMs, TimeUnit.MILLISECONDS));
        }
        for (Future<Void> f : closing) {
            try {
                f.await(drainMs + 5_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("closing server: {}", e.toString());
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (admin != null) {
            try {
                admin.stop();
            } catch (Exception e) {
                LOG.debug("closing admin: {}", e.toString());
            }
        }
        if (vertx != null) {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("closing vertx: {}", e.toString());
            }
        }
        if (configService != null) {
            configService.close();
        }
    }
}
