package io.ccsfront.node.tls;

import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Selector;
import java.util.function.Supplier;

/**
 * Glue between the TLS engine and the pure selection engine: reads the current configuration
 * snapshot (a volatile read), runs {@link Selector#select} for the handshake's local address,
 * port and SNI, and prepares the chosen certificate through the {@link CertificateCache}.
 */
public final class HandshakeSelector {

    private final Supplier<ConfigSnapshot> config;
    private final Selector selector;
    private final CertificateCache cache;
    private final HandshakeMetrics metrics;

    public HandshakeSelector(Supplier<ConfigSnapshot> config, Selector selector, CertificateCache cache, HandshakeMetrics metrics) {
        this.config = config;
        this.selector = selector;
        this.cache = cache;
        this.metrics = metrics;
    }

    Decision select(HandshakeState st, String sni) {
        var local = st.local;
        if (local == null) {
            // no local address: the TLS handler was not added through our seam; refuse rather than guess
            return selector.select(ConfigSnapshot.empty(), null, 1, sni, cache.health());
        }
        return selector.select(config.get(), local.getAddress(), local.getPort(), sni, cache.health());
    }

    PreparedCertificate prepare(Decision d) {
        return cache.prepare(d.certificate());
    }

    void decided(HandshakeState st, Decision d, PreparedCertificate prepared) {
        metrics.decided(st, d);
    }

    public CertificateCache cache() {
        return cache;
    }

    HandshakeMetrics metrics() {
        return metrics;
    }
}
