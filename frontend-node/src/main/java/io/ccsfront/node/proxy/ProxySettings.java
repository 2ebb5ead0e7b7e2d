package io.ccsfront.node.proxy;

import io.ccsfront.node.config.NodeConfig;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The reverse proxy's settings, read from the {@code proxy.*} options (see {@link
 * io.ccsfront.node.config.Option}).
 *
 * @param connectTimeout      TCP connect to a web worker; after it, an idempotent request is retried on another worker, else 502
 * @param responseTimeout     from the request being fully sent to the worker's response headers; after it, 504
 * @param idleTimeout         idle client connections are closed after this; idle pooled worker connections too
 * @param maxHeaderSize       largest request header block accepted from clients, bytes (larger: 431)
 * @param maxRequestLineLength longest request line accepted from clients (longer: 414)
 * @param poolSizePerWorker   pooled HTTP/1.1 connections per web worker
 * @param trustForwardedHeaders keep the {@code X-Forwarded-*} headers clients send (append to X-Forwarded-For)
 * @param healthCheckInterval active health check period ({@link Duration#ZERO}: no active checks and no passive ejection)
 * @param healthCheckPath     path requested by the health check, below the worker's base path
 * @param healthCheckTimeout  a health check not answered in this time fails
 * @param ejectAfterFailures  consecutive connect failures after which a worker is ejected (0: never)
 */
public record ProxySettings(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout, int maxHeaderSize,
                            int maxRequestLineLength, int poolSizePerWorker, boolean trustForwardedHeaders,
                            Duration healthCheckInterval, String healthCheckPath, Duration healthCheckTimeout,
                            int ejectAfterFailures) {

    /** Response header blocks from web workers may be this large (cookies); not a client-facing limit. */
    static final int MAX_WORKER_HEADER_SIZE = 65536;

    /** Largest body piece the HTTP/1.x decoders hand over (Vert.x default 8 KB): fewer, larger writes when streaming. */
    static final int BODY_CHUNK_SIZE = 65536;

    public ProxySettings {
        positive(connectTimeout, "proxy.connectTimeout");
        positive(responseTimeout, "proxy.responseTimeout");
        positive(idleTimeout, "proxy.idleTimeout");
        range(maxHeaderSize, 1024, 1 << 20, "proxy.maxHeaderSize");
        range(maxRequestLineLength, 256, 1 << 20, "proxy.maxRequestLineLength");
        range(poolSizePerWorker, 1, 10_000, "proxy.poolSizePerWorker");
        Objects.requireNonNull(healthCheckInterval, "proxy.healthCheck.interval");
        if (healthCheckInterval.isNegative()) {
            throw new IllegalArgumentException("proxy.healthCheck.interval must not be negative: " + healthCheckInterval);
        }
        Objects.requireNonNull(healthCheckPath, "proxy.healthCheck.path");
        if (!healthCheckPath.startsWith("/") || healthCheckPath.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException("proxy.healthCheck.path must be an absolute path without spaces: " + healthCheckPath);
        }
        positive(healthCheckTimeout, "proxy.healthCheck.timeout");
        range(ejectAfterFailures, 0, 1000, "proxy.ejectAfterFailures");
    }

    /** Reads the {@code proxy.*} options; errors name the option and its value. */
    public static ProxySettings from(NodeConfig config) {
        return new ProxySettings(config.duration("proxy.connectTimeout"), config.duration("proxy.responseTimeout"),
                config.duration("proxy.idleTimeout"), config.integer("proxy.maxHeaderSize", 1024, 1 << 20),
                config.integer("proxy.maxRequestLineLength", 256, 1 << 20),
                config.integer("proxy.poolSizePerWorker", 1, 10_000), config.bool("proxy.trustForwardedHeaders"),
                config.duration("proxy.healthCheck.interval"), config.string("proxy.healthCheck.path"),
                config.duration("proxy.healthCheck.timeout"), config.integer("proxy.ejectAfterFailures", 0, 1000));
    }

    /** The defaults of the option table. */
    public static ProxySettings defaults() {
        return from(NodeConfig.defaults());
    }

    /**
     * Applies the client-facing limits to a listener's options (HTTPS and HTTP alike): header
     * block and request line limits (HTTP/1.x: 431 / 414; HTTP/2: SETTINGS_MAX_HEADER_LIST_SIZE),
     * the idle timeout, {@code 100 Continue} answered by the front end (the {@code Expect} header
     * is not forwarded), no compression (bodies pass through as the worker sent them), and no
     * cleartext HTTP/2 upgrade ({@code Upgrade: h2c} is then an ordinary hop-by-hop header; Vert.x
     * would otherwise answer a malformed one with a 400 and leave the connection open).
     * TLS, ALPN and the bind address stay the TLS layer's business.
     */
    public HttpServerOptions applyTo(HttpServerOptions options) {
        Http2Settings h2 = options.getInitialSettings() == null ? new Http2Settings() : options.getInitialSettings();
        return options.setMaxHeaderSize(maxHeaderSize)
                .setMaxInitialLineLength(maxRequestLineLength)
                .setMaxChunkSize(BODY_CHUNK_SIZE)
                .setInitialSettings(h2.setMaxHeaderListSize(maxHeaderSize))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()))
                .setHandle100ContinueAutomatically(true)
                .setHttp2ClearTextEnabled(false)
                .setCompressionSupported(false)
                .setDecompressionSupported(false);
    }

    /** Retry-After seconds sent with 503: one health check period, at least one second. */
    long retryAfterSeconds() {
        long s = (healthCheckInterval.toMillis() + 999) / 1000;
        return Math.max(1, s);
    }

    /** Pool acquisition (waiting for a free pooled connection included) is bounded by twice the connect timeout. */
    long poolWaitMillis() {
        return connectTimeout.toMillis() * 2;
    }

    HttpClientOptions clientOptions() {
        return new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, idleTimeout.toSeconds()))
                .setPipelining(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .setDecompressionSupported(false)
                .setMaxHeaderSize(MAX_WORKER_HEADER_SIZE)
                .setMaxChunkSize(BODY_CHUNK_SIZE)
                .setMaxInitialLineLength(Math.max(4096, maxRequestLineLength))
                .setName("ccsfront-proxy");
    }

    PoolOptions poolOptions() {
        return new PoolOptions().setHttp1MaxSize(poolSizePerWorker).setCleanerPeriod(1000);
    }

    private static void positive(Duration d, String option) {
        Objects.requireNonNull(d, option);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive: " + d);
        }
    }

    private static void range(int v, int min, int max, String option) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(option + " out of range " + min + "-" + max + ": " + v);
        }
    }
}
