package io.ccsfront.node.tls;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.selection.CertificateHealth;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepared certificates (parsed chain + opened private key) by thumbprint, in a bounded
 * Caffeine cache ({@code tls.cacheSize}). A certificate is prepared once, on first use, on the
 * thread of the handshake that needs it: the cost (parsing the DER chain, AES-GCM opening of
 * the key, building the key object) is measured in docs/BENCHMARKS.md and is small next to the
 * handshake itself. Eviction only drops the cache's reference: a handshake that already holds a
 * {@link PreparedCertificate} finishes with it.
 *
 * <p>A key that fails to open is remembered as unusable ({@link #health()}) until the
 * certificate changes, so the selector reports it (and fails or falls through) instead of the
 * engine failing obscurely on every handshake.
 */
public final class CertificateCache {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateCache.class);

    private final Cache<Thumbprint, PreparedCertificate> cache;
    private final KeyProtector protector;
    private final Map<Thumbprint, String> broken = new ConcurrentHashMap<>();
    private final LongAdder buildNanos = new LongAdder();
    private final LongAdder builds = new LongAdder();
    private final LongAdder invalidations = new LongAdder();

    public CertificateCache(int maximumSize, KeyProtector protector) {
        this.protector = protector;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats()
                .removalListener((Thumbprint k, PreparedCertificate v, RemovalCause c) -> {
                    if (c == RemovalCause.EXPLICIT) {
                        invalidations.increment();
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    /** The prepared form of {@code c}, building it on a miss; null when its key cannot be used (see {@link #health()}). */
    PreparedCertificate prepare(StoredCertificate c) {
        PreparedCertificate p = cache.getIfPresent(c.thumbprint());
        if (p != null) {
            return p;
        }
        if (broken.containsKey(c.thumbprint())) {
            return null;
        }
        return cache.get(c.thumbprint(), t -> build(c));
    }

    /** The cached entry for {@code t}, without building. */
    PreparedCertificate cached(Thumbprint t) {
        return cache.getIfPresent(t);
    }

    private PreparedCertificate build(StoredCertificate c) {
        long t0 = System.nanoTime();
        try {
            X509Certificate[] chain = c.decodeChain().toArray(X509Certificate[]::new);
            PrivateKey key = c.openKey(protector);
            return new PreparedCertificate(c.thumbprint(), c.summary(), chain, key, c.thumbprint().hex());
        } catch (RuntimeException e) {
            broken.put(c.thumbprint(), "key failed to load: " + e.getMessage());
            LOG.error("certificate {} ({}) cannot be used: {}", c.thumbprint(), c.summary().label(), e.getMessage());
            return null;
        } finally {
            buildNanos.add(System.nanoTime() - t0);
            builds.increment();
        }
    }

    /** What the selector asks before choosing a certificate. */
    public CertificateHealth health() {
        return broken::get;
    }

    /** Drops exactly these certificates (they changed or left the configuration). */
    public void invalidate(Collection<Thumbprint> thumbprints) {
        for (Thumbprint t : thumbprints) {
            cache.invalidate(t);
            broken.remove(t);
        }
    }

    /** Drops everything (the whole configuration was replaced, e.g. from a cluster checkpoint). */
    public void invalidateAll() {
        cache.invalidateAll();
        broken.clear();
    }

    public long size() {
        return cache.estimatedSize();
    }

    public CacheStats stats() {
        return cache.stats();
    }

    public long buildNanos() {
        return buildNanos.sum();
    }

    public long builds() {
        return builds.sum();
    }

    public long invalidations() {
        return invalidations.sum();
    }

    public int brokenCount() {
        return broken.size();
    }
}
