package io.ccsfront.node.tls;

import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Selector;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * Glue between the TLS engine and the pure selection engine, in one call: {@link #choose} reads
 * the current configuration snapshot (a volatile read), runs {@link Selector#select} for the
 * handshake's local address, port and SNI, prepares the chosen certificate through the
 * {@link CertificateCache}, and records the decision in the {@link HandshakeMetrics}.
 */
final class HandshakeSelector {

    /** What a handshake gets: the selector's decision and, when it selected one, the certificate ready for the engine. */
    record Choice(Decision decision, PreparedCertificate prepared) {
    }

    private final Supplier<ConfigSnapshot> config;
    private final Selector selector;
    private final CertificateCache cache;
    private final HandshakeMetrics metrics;

    HandshakeSelector(Supplier<ConfigSnapshot> config, Selector selector, CertificateCache cache, HandshakeMetrics metrics) {
        this.config = config;
        this.selector = selector;
        this.cache = cache;
        this.metrics = metrics;
    }

    /**
     * The certificate for a handshake to {@code local} with {@code sni} (null: none sent). The
     * prepared certificate is null when nothing was selected, or when the selected one's key does
     * not load (the cache then marks it unusable and the selection runs once more, so that
     * {@code tls.fallThroughUnusable} can pass over it).
     */
    Choice choose(InetSocketAddress local, String sni) {
        Decision d = select(local, sni);
        PreparedCertificate p = d.selected() ? cache.prepare(d.certificate()) : null;
        if (d.selected() && p == null) {
            // the key failed to load just now: the cache marked it unusable; decide again
            d = select(local, sni);
            p = d.selected() ? cache.prepare(d.certificate()) : null;
        }
        metrics.decided(local, d);
        return new Choice(d, p);
    }

    private Decision select(InetSocketAddress local, String sni) {
        if (local == null) {
            // no local address: the TLS handler was not added through our seam; refuse rather than guess
            return selector.select(ConfigSnapshot.empty(), null, 1, sni, cache.health());
        }
        return selector.select(config.get(), local.getAddress(), local.getPort(), sni, cache.health());
    }

    HandshakeMetrics metrics() {
        return metrics;
    }
}
