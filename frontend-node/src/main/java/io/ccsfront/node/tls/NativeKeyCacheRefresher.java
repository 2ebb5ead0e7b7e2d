package io.ccsfront.node.tls;

import io.vertx.core.http.HttpServer;
import io.vertx.core.net.ServerSSLOptions;
import java.time.Duration;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps BoringSSL's native key-material cache useful. Netty's
 * {@code OpenSslCachingX509KeyManagerFactory} keeps the native form of each certificate it has
 * served, by alias (thumbprint), but never evicts: once it holds its maximum, every certificate
 * not yet cached is re-encoded on every handshake, and certificates rotated away stay cached.
 * So this counts the distinct certificates served since the TLS contexts were built; when they
 * exceed the native cache, it rebuilds the contexts ({@code updateSSLOptions(…, force)}: open
 * connections keep theirs, new handshakes get a fresh cache that fills with the current hot set),
 * at most once per {@code minInterval}.
 */
public final class NativeKeyCacheRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(NativeKeyCacheRefresher.class);

    private final int capacity;
    private final long minIntervalNanos;
    private final Set<String> served = ConcurrentHashMap.newKeySet();
    private final Map<HttpServer, ServerSSLOptions> servers = new ConcurrentHashMap<>();
    private volatile long lastRefresh = System.nanoTime();
    private volatile long refreshes;

    public NativeKeyCacheRefresher(int capacity, Duration minInterval) {
        this.capacity = capacity;
        this.minIntervalNanos = minInterval.toNanos();
    }

    void served(String alias) {
        if (served.size() <= capacity) {
            served.add(alias);
        }
    }

    public void register(HttpServer server, ServerSSLOptions options) {
        servers.put(server, options.copy());
    }

    /** Called periodically; rebuilds the contexts when the native cache can no longer hold what is served. */
    public void check() {
        if (served.size() <= capacity || System.nanoTime() - lastRefresh < minIntervalNanos) {
            return;
        }
        int n = served.size();
        served.clear();
        lastRefresh = System.nanoTime();
        refreshes++;
        servers.forEach((server, options) -> server.updateSSLOptions(options, true)
                .onFailure(e -> LOG.warn("rebuilding the TLS context failed: {}", e.toString())));
        LOG.info("rebuilt the TLS contexts: more than {} distinct certificates ({}) were served since the last build, "
                + "more than BoringSSL's native key cache holds", capacity, n);
    }

    public long refreshes() {
        return refreshes;
    }

    /** For tests: the distinct certificates served since the last rebuild (capped at capacity + 1). */
    public int servedSinceRefresh() {
        return served.size();
    }

}
