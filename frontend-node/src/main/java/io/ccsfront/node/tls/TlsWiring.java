package io.ccsfront.node.tls;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.node.config.NodeConfig;
import io.ccsfront.node.state.AppliedChange;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.selection.Selector;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.OpenSsl;
import io.netty.internal.tcnative.AsyncSSLPrivateKeyMethod;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's TLS side, built once by {@link #create}: the engine (BoringSSL when it loads, else
 * the JDK's), the certificate cache, the handshake metrics and selector, the RSA signer, session
 * resumption, BoringSSL's native key-cache refresher, and the seam settings every HTTPS listener
 * gets ({@link #secure}). It is also the one home of "a change happened → what TLS state is
 * dropped": {@link #applied} takes each change with its affected certificates computed once and
 * drops exactly those from the cache and from session resumption.
 */
public final class TlsWiring {

    private static final Logger LOG = LoggerFactory.getLogger(TlsWiring.class);
    /** Passed to session resumption when the whole configuration was replaced: some certificate changed. */
    private static final Set<Thumbprint> UNKNOWN_CERTIFICATES = Set.of(new Thumbprint("0".repeat(40)));

    private final TlsSettings settings;
    private final boolean openSsl;
    private final CertificateCache cache;
    private final SessionResumption resumption;
    private final NativeKeyCacheRefresher refresher;
    private final AsyncSSLPrivateKeyMethod signer;
    private final VertxTlsSeam.Settings seam;

    private TlsWiring(TlsSettings settings, boolean openSsl, CertificateCache cache, SessionResumption resumption,
                      NativeKeyCacheRefresher refresher, AsyncSSLPrivateKeyMethod signer, VertxTlsSeam.Settings seam) {
        this.settings = settings;
        this.openSsl = openSsl;
        this.cache = cache;
        this.resumption = resumption;
        this.refresher = refresher;
        this.signer = signer;
        this.seam = seam;
    }

    /**
     * Builds the TLS side over {@code configs} (read per handshake; its current version starts
     * session resumption's certificate generation) and registers its metrics.
     *
     * @throws NodeConfig.ConfigError when {@code tls.rsaSigner} names something unknown or unavailable
     */
    public static TlsWiring create(TlsSettings s, ConfigService configs, KeyProtector protector, Clock clock, MeterRegistry registry) {
        boolean openSsl = s.openSsl() && VertxTlsSeam.openSslAvailable();
        if (s.openSsl() && !openSsl) {
            LOG.warn("tls.engine=openssl but BoringSSL (netty-tcnative) did not load: {}; using the JDK engine",
                    OpenSsl.unavailabilityCause().toString());
        }
        if (!openSsl) {
            // stateful sessions, so that sessions under a changed certificate can be invalidated (JDK tickets cannot)
            System.setProperty("jdk.tls.server.enableSessionTicketExtension", "false");
        }
        CertificateCache cache = new CertificateCache(s.cacheSize(), protector);
        HandshakeMetrics metrics = new HandshakeMetrics(cache);
        metrics.bindTo(registry);
        HandshakeSelector selector = new HandshakeSelector(configs::current, new Selector(s.fallThroughUnusable()), cache, metrics);
        SessionResumption resumption = new SessionResumption(protector, clock, s.ticketKeyRotation(), s.sessionTickets(),
                configs.current().version());
        int nativeCache = Math.min(s.cacheSize(), 100_000);
        AsyncSSLPrivateKeyMethod signer;
        try {
            signer = PrivateKeySigners.choose(s.rsaSigner(), s.rsaSignerLibraries(), openSsl, registry);
        } catch (IllegalArgumentException | PrivateKeySigners.Unavailable e) {
            throw new NodeConfig.ConfigError(e.getMessage());
        }
        VertxTlsSeam.Settings seam = new VertxTlsSeam.Settings(selector, openSsl, nativeCache, s.sessionTickets(),
                resumption::register, signer);
        NativeKeyCacheRefresher refresher = openSsl ? new NativeKeyCacheRefresher(nativeCache, s.nativeCacheRefreshInterval()) : null;
        return new TlsWiring(s, openSsl, cache, resumption, refresher, signer, seam);
    }

    /**
     * A change was applied: drops the prepared certificates it touched (all of them when the whole
     * configuration was replaced) and ends session resumption under them.
     */
    public void applied(AppliedChange change) {
        if (change.replacedEverything()) {
            cache.invalidateAll();
            resumption.certificatesChanged(change.after().version(), UNKNOWN_CERTIFICATES);
            return;
        }
        Set<Thumbprint> affected = change.affected();
        cache.invalidate(affected);
        resumption.certificatesChanged(change.after().version(), affected);
    }

    /** Starts the timers: session-ticket key rotation, and the native key-cache check with BoringSSL. */
    public void startTimers(Vertx vertx) {
        if (refresher != null) {
            long every = Math.max(1000, Math.min(60_000, settings.nativeCacheRefreshInterval().toMillis()));
            vertx.setPeriodic(every, id -> refresher.check());
        }
        vertx.setPeriodic(1000, id -> resumption.tick());
    }

    /** Makes {@code o} an HTTPS listener's options: per-handshake certificate selection through the seam. */
    public HttpServerOptions secure(HttpServerOptions o) {
        return o.setSsl(true).setUseAlpn(true)
                .setKeyCertOptions(KeyCertOptions.wrap(new SelectingKeyManager(cache, refresher, signer != null)))
                .setSslEngineOptions(VertxTlsSeam.engineOptions(seam))
                .setEnabledSecureTransportProtocols(protocols(settings.minTlsVersion()))
                .setSslHandshakeTimeout(settings.handshakeTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    /**
     * An HTTPS listener is bound: {@code server} is one of its instances, which share one TLS
     * context ({@code options} as given to {@link #secure}); the native key-cache refresher rebuilds it.
     */
    public void listening(HttpServer server, HttpServerOptions options) {
        if (refresher != null) {
            refresher.register(server, options.getSslOptions()); // the instances share one TLS context: updating one updates all
        }
    }

    private static Set<String> protocols(String min) {
        Set<String> p = new LinkedHashSet<>();
        if (min.equals("1.2")) {
            p.add("TLSv1.2");
        }
        p.add("TLSv1.3");
        return p;
    }

    /** Whether the listeners run BoringSSL (else the JDK engine). */
    public boolean openSsl() {
        return openSsl;
    }

    public CertificateCache cache() {
        return cache;
    }

    /** BoringSSL's native key-cache refresher, or null with the JDK engine. */
    public NativeKeyCacheRefresher refresher() {
        return refresher;
    }
}
