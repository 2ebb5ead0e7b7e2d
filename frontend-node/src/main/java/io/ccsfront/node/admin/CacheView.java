package io.ccsfront.node.admin;

import io.ccsfront.selection.CertificateHealth;

/**
 * The admin API's read-only view of the node's certificate cache: which keys failed to load
 * ({@code explain}, {@code doctor} and {@code rotate} report them as the handshakes would see
 * them) and the cache's figures ({@code GET /admin/v1/node}).
 */
public interface CacheView {

    /** The keys this node failed to load, as the selector sees them. */
    CertificateHealth health();

    /** The cache's figures now. */
    Figures figures();

    /** Cache statistics as {@code GET /admin/v1/node} reports them. */
    record Figures(long size, long hits, long misses, double hitRate, long evictions, long builds, long averageBuildMicros,
                   long invalidations, int unusableKeys) {
    }
}
