package io.ccsfront.node;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.config.AffectedCertificates;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.node.admin.AdminServer;
import io.ccsfront.node.cluster.ClusterConfigService;
import io.ccsfront.node.cluster.ClusterMembers;
import io.ccsfront.node.cluster.HazelcastMember;
import io.ccsfront.node.cluster.ClusterView;
import io.ccsfront.node.cluster.StandaloneCluster;
import io.ccsfront.node.config.Listener;
import io.ccsfront.node.metrics.ConfigMetrics;
import io.ccsfront.node.proxy.ProxyHandler;
import io.ccsfront.node.proxy.ProxyMetrics;
import io.ccsfront.node.proxy.ProxySettings;
import io.ccsfront.node.proxy.ServedCertificates;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.config.NodeSettings;
import io.ccsfront.node.config.Secrets;
import io.ccsfront.node.state.CcsFolderWatcher;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.state.DefaultCertificate;
import io.ccsfront.node.state.LocalConfigService;
import io.ccsfront.node.tls.CertificateCache;
import io.ccsfront.node.tls.HandshakeMetrics;
import io.ccsfront.node.tls.HandshakeSelector;
import io.ccsfront.node.tls.NativeKeyCacheRefresher;
import io.ccsfront.node.tls.SelectingKeyManagers;
import io.ccsfront.node.tls.SessionResumption;
import io.ccsfront.node.tls.VertxTlsSeam;
import io.ccsfront.selection.Selector;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One front-end node: TLS and HTTP listeners, per-handshake certificate selection, routing to
 * web workers, and the admin listener. {@link #start} returns when every listener is bound.
 */
public final class FrontendNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontendNode.class);

    private final NodeConfig config;
    private final NodeSettings settings;
    private final Clock clock;
    private Vertx vertx;
    private PrometheusMeterRegistry registry;
    private ConfigService configService;
    private KeyProtector protector;
    private String adminToken;
    private CertificateCache cache;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Integer> httpsPorts = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private int adminPort;
    private AdminServer admin;
    private SessionResumption resumption;
    private CcsFolderWatcher ccsFolder;
    private ProxyHandler proxy;
    private NativeKeyCacheRefresher refresher;
    private com.hazelcast.core.HazelcastInstance hazelcast;
    private ClusterView clusterView;
    private java.util.function.Consumer<FrontendNode> adminApi = n -> { };
    private volatile boolean ready;

    public FrontendNode(NodeConfig config, Clock clock) {
        this.config = config;
        this.settings = NodeSettings.from(config);
        this.clock = clock;
    }

    /** Starts everything; {@code requestHandler} builds the HTTP request handler (the proxy) once the node is wired. */
    public FrontendNode start(Function<FrontendNode, Handler<HttpServerRequest>> requestHandler) {
        long t0 = System.nanoTime();
        protector = Secrets.masterKey(config, settings.dataDir());
        adminToken = Secrets.adminToken(config, settings.dataDir());
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("node", settings.nodeName());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        MicrometerMetricsOptions vertxMetrics = new MicrometerMetricsOptions().setEnabled(true);
        if (!Boolean.getBoolean("ccsfront.vertxServerMetrics")) {
            // Vert.x's server metrics register or look up meters on every connection and response
            // (MeterRegistry.getOrCreateMeter on the event loop, ~9 % of its Java time per handshake);
            // ccsfront.tls.*, ccsfront.proxy.* and ccsfront.listener.connections cover what they told
            vertxMetrics.addDisabledMetricsCategory(io.vertx.micrometer.MetricsDomain.NET_SERVER)
                    .addDisabledMetricsCategory(io.vertx.micrometer.MetricsDomain.HTTP_SERVER);
        } else {
            vertxMetrics.addLabels(io.vertx.micrometer.Label.LOCAL);
        }
        vertx = Vertx.builder()
                .with(new VertxOptions().setPreferNativeTransport(true)
                        .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
                        .setMetricsOptions(vertxMetrics))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .withTransport(AcceptOnEventLoopTransport.preferNative())
                .build();
        // event-loop pending tasks and Netty's pooled buffers (Vert.x's own metrics cover its clients and pools; its server metrics are off)
        new io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics(
                ((io.vertx.core.internal.VertxInternal) vertx).eventLoopGroup()).bindTo(registry);
        new io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics(io.netty.buffer.PooledByteBufAllocator.DEFAULT)
                .bindTo(registry);
        if (!vertx.isNativeTransportEnabled()) {
            LOG.warn("native epoll transport unavailable ({}); using NIO", vertx.unavailableNativeTransportCause());
        }
        // the admin listener opens first: /health/live and /metrics answer while the node joins the cluster
        admin = new AdminServer(vertx, registry, adminToken, () -> ready && configService.ready());
        adminPort = admin.start(settings.adminHost(), settings.adminPort(), config.string("admin.tls.certFile"),
                config.string("admin.tls.keyFile"));
        if (config.bool("cluster.enabled")) {
            hazelcast = HazelcastMember.start(config, settings.nodeName());
            configService = ClusterConfigService.start(hazelcast, protector, settings.dataDir().resolve("config"), clock,
                    settings.nodeName(), config.integer("cluster.initialMembers", 1, 1000), config.duration("cluster.joinTimeout"), 1000);
        } else {
            configService = LocalConfigService.open(settings.dataDir().resolve("config"), 1000, clock);
        }

        new ConfigMetrics(configService, clock, () -> hazelcast == null ? 1 : hazelcast.getCluster().getMembers().size())
                .bindTo(registry);
        cache = new CertificateCache(settings.cacheSize(), protector);
        HandshakeMetrics hm = new HandshakeMetrics(cache);
        hm.bindTo(registry);
        HandshakeSelector selector = new HandshakeSelector(configService::current, new Selector(settings.fallThroughUnusable()), cache, hm);
        configService.addListener((before, after, record) -> {
            if (record == null) {
                cache.invalidateAll();
            } else {
                cache.invalidate(AffectedCertificates.of(before, record.change()));
            }
        });

        Set<Integer> ports = new TreeSet<>();
        settings.https().forEach(l -> ports.add(l.port()));
        if (settings.defaultCertificate()) {
            for (int attempt = 0; attempt < 10; attempt++) {
                ConfigSnapshot now = configService.current();
                ConfigChange def = DefaultCertificate.missing(now, ports, protector, clock);
                if (def == null) {
                    break;
                }
                try {
                    configService.commit(def, now.version(), "installer");
                    break;
                } catch (ConfigException.StaleVersion e) {
                    LOG.debug("another node changed the configuration first; re-checking the Default certificate");
                }
            }
        }
        for (String p : config.list("ccs.bindPorts")) {
            int port = io.ccsfront.binding.Ports.parse(p, "ccs.bindPorts");
            ConfigSnapshot now = configService.current();
            if (now.ccsBinding(port) == null) {
                try {
                    configService.commit(new ConfigChange.PutBinding(new io.ccsfront.binding.CcsBinding(port), ConfigChange.Mode.ADD),
                            now.version(), "installer");
                } catch (ConfigException e) {
                    LOG.debug("ccs={} binding: {}", port, e.getMessage());
                }
            }
        }
        boolean openSsl = settings.openSsl() && VertxTlsSeam.openSslAvailable();
        if (settings.openSsl() && !openSsl) {
            LOG.warn("tls.engine=openssl but BoringSSL (netty-tcnative) did not load: {}; using the JDK engine",
                    io.netty.handler.ssl.OpenSsl.unavailabilityCause().toString());
        }
        if (!openSsl) {
            // stateful sessions, so that sessions under a changed certificate can be invalidated (JDK tickets cannot)
            System.setProperty("jdk.tls.server.enableSessionTicketExtension", "false");
        }
        resumption = new SessionResumption(protector, clock, settings.ticketKeyRotation(), settings.sessionTickets(),
                configService.current().version());
        configService.addListener((before, after, record) -> resumption.certificatesChanged(after.version(),
                record == null ? Set.of(new io.ccsfront.cert.Thumbprint("0".repeat(40))) : AffectedCertificates.of(before, record.change())));
        int nativeCache = Math.min(settings.cacheSize(), 100_000);
        io.netty.internal.tcnative.AsyncSSLPrivateKeyMethod signer;
        try {
            signer = io.ccsfront.node.tls.PrivateKeySigners.choose(config.string("tls.rsaSigner"), config.list("tls.rsaSignerLibrary"),
                    openSsl, registry);
        } catch (IllegalArgumentException | io.ccsfront.node.tls.PrivateKeySigners.Unavailable e) {
            throw new NodeConfig.ConfigError(e.getMessage());
        }
        VertxTlsSeam.Settings seam = new VertxTlsSeam.Settings(selector, openSsl, nativeCache, settings.sessionTickets(),
                resumption::register, signer);
        Duration refreshInterval = config.duration("tls.nativeCacheRefreshInterval");
        refresher = openSsl ? new NativeKeyCacheRefresher(nativeCache, refreshInterval) : null;
        if (refresher != null) {
            vertx.setPeriodic(Math.max(1000, Math.min(60_000, refreshInterval.toMillis())), id -> refresher.check());
        }
        vertx.setPeriodic(1000, id -> resumption.tick());
        Handler<HttpServerRequest> handler = requestHandler.apply(this);
        for (Listener l : settings.https()) {
            HttpServerOptions o = baseOptions(l)
                    .setSsl(true).setUseAlpn(true)
                    .setKeyCertOptions(KeyCertOptions.wrap(SelectingKeyManagers.create(cache, refresher, signer != null)))
                    .setSslEngineOptions(VertxTlsSeam.engineOptions(seam))
                    .setEnabledSecureTransportProtocols(protocols(settings.minTlsVersion()))
                    .setSslHandshakeTimeout(settings.handshakeTimeout().toMillis())
                    .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
            httpsPorts.add(listen(o, handler, l));
        }
        for (Listener l : settings.http()) {
            httpPorts.add(listen(baseOptions(l), handler, l));
        }
        String adminUrl = (config.string("admin.tls.certFile").isEmpty() ? "http" : "https") + "://"
                + hostPort(settings.adminHost().equals("0.0.0.0") ? advertisedHost() : settings.adminHost(), adminPort);
        if (hazelcast != null) {
            ClusterMembers members = new ClusterMembers(hazelcast).publish(settings.nodeName(), adminUrl, this::httpsEndpoints,
                    () -> configService.current().version(),
                    config.list("cluster.trustedInterfaces").isEmpty() ? memberHosts() : config.list("cluster.trustedInterfaces"));
            configService.addListener((b, a, r) -> members.update());
            clusterView = members;
        } else {
            clusterView = new StandaloneCluster(settings.nodeName(), adminUrl, this::httpsEndpoints, () -> configService.current().version());
        }
        adminApi.accept(this);
        LOG.info("admin API, /metrics and /health on {}:{}{}", settings.adminHost(), adminPort,
                isLoopback(settings.adminHost()) ? "" : " (NOT loopback: make sure only trusted networks reach it)");
        if (!config.string("ccs.folder").isEmpty()) {
            ccsFolder = new CcsFolderWatcher(Path.of(config.string("ccs.folder")), Secrets.ccsPassword(config), protector, configService);
            ccsFolder.start(vertx, config.duration("ccs.pollInterval"));
        }
        if (settings.demo()) {
            Demo.install(this);
        }
        ready = true;
        LOG.info("node {} ready in {} ms: https {} http {} ({} engine), configuration version {}", settings.nodeName(),
                (System.nanoTime() - t0) / 1_000_000, httpsPorts, httpPorts, openSsl ? "BoringSSL" : "JDK",
                configService.current().version());
        return this;
    }

    private HttpServerOptions baseOptions(Listener l) {
        HttpServerOptions o = new HttpServerOptions().setHost(l.host()).setPort(l.port()).setReusePort(false);
        ProxySettings.from(config).applyTo(o);
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
        io.vertx.core.internal.VertxInternal vi = (io.vertx.core.internal.VertxInternal) vertx;
        int port = l.port();
        HttpServer first = null;
        int instances = 0;
        for (io.netty.util.concurrent.EventExecutor loop : vi.eventLoopGroup()) {
            io.vertx.core.internal.ContextInternal ctx = vi.contextBuilder()
                    .withThreadingModel(io.vertx.core.ThreadingModel.EVENT_LOOP)
                    .withEventLoop((io.netty.channel.EventLoop) loop).build();
            HttpServer server = vertx.createHttpServer(o);
            server.connectionHandler(conn -> {
                if (open.incrementAndGet() > max) {
                    conn.close();
                }
                conn.closeHandler(v -> open.decrementAndGet());
            });
            server.requestHandler(handler);
            io.vertx.core.Promise<HttpServer> bound = io.vertx.core.Promise.promise();
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
        io.micrometer.core.instrument.Gauge.builder("ccsfront.listener.connections", open, AtomicInteger::get)
                .description("open client connections on the listener")
                .tags("scheme", o.isSsl() ? "https" : "http", "listener", hostPort(l.host(), port))
                .register(registry);
        if (refresher != null && o.isSsl()) {
            refresher.register(first, o.getSslOptions()); // the instances share one TLS context: updating one updates all
        }
        LOG.info("listening on {}:{} on {} event loop(s){}", l.host(), port, instances,
                o.isSsl() ? " (TLS, certificate chosen per handshake)" : "");
        return port;
    }

    private static Set<String> protocols(String min) {
        Set<String> p = new LinkedHashSet<>();
        if (min.equals("1.2")) {
            p.add("TLSv1.2");
        }
        p.add("TLSv1.3");
        return p;
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
        return cache;
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

    /** Installs the admin API (called before {@link #start}); it mounts its routes on {@link #admin()}. */
    public FrontendNode withAdminApi(java.util.function.Consumer<FrontendNode> api) {
        this.adminApi = api;
        return this;
    }

    /** The embedded Hazelcast member, or null when cluster.enabled=false. */
    public com.hazelcast.core.HazelcastInstance hazelcast() {
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

    /** The address other members and ccsctl reach this node on when it listens on a wildcard. */
    private String advertisedHost() {
        return config.bool("cluster.enabled") ? config.string("cluster.bindAddress") : "127.0.0.1";
    }

    private List<String> memberHosts() {
        List<String> out = new ArrayList<>();
        for (String m : config.list("cluster.members")) {
            int c = m.lastIndexOf(':');
            out.add(c > 0 && m.indexOf(':') == c ? m.substring(0, c) : m);
        }
        return out;
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
        return refresher;
    }

    /** The proxy's view of a web worker's health; null when this node runs no proxy (tests with another handler). */
    public java.util.function.Function<java.net.URI, io.ccsfront.node.proxy.WorkerStatus> workerStatus() {
        return uri -> proxy == null ? null : proxy.workerStatus(uri);
    }

    public int adminPort() {
        return adminPort;
    }

    public AdminServer admin() {
        return admin;
    }

    /** The production request handler: the proxy to each site's web workers (ARR's job). */
    public static Handler<HttpServerRequest> defaultHandler(FrontendNode node) {
        ProxyHandler proxy = new ProxyHandler(node.vertx, node.configService::current, ProxySettings.from(node.config),
                ServedCertificates.fromSslSession(), ProxyMetrics.from(node.registry, node.config));
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
        List<io.vertx.core.Future<Void>> closing = new ArrayList<>();
        for (HttpServer s : servers) {
            closing.add(s.shutdown(drainMs, TimeUnit.MILLISECONDS));
        }
        for (io.vertx.core.Future<Void> f : closing) {
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
