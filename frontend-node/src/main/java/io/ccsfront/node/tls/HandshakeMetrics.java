package io.ccsfront.node.tls;

import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Level;
import io.ccsfront.selection.SniStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handshake and certificate-cache metrics (docs/METRICS.md). Every series has bounded tags:
 * level × result × TLS version, never a hostname or thumbprint. Failed selections are also
 * logged, at most once a second with a count of what was suppressed.
 */
final class HandshakeMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeMetrics.class);

    public enum Result {
        OK("ok"), NO_CERTIFICATE("no-certificate"), UNUSABLE_CERTIFICATE("unusable-certificate"),
        CLIENT_ERROR("client-error"), TIMEOUT("timeout");

        final String tag;

        Result(String tag) {
            this.tag = tag;
        }
    }

    static final String[] VERSIONS = {"TLSv1.2", "TLSv1.3", "none"};
    private static final String[] LEVELS = {"ipport", "hostnameport", "ccs", "ipv6-wildcard", "ipv4-wildcard", "none"};

    private final CertificateCache cache;
    private Counter[][][] handshakes;
    private Timer duration;
    private Counter invalidSni;
    private Counter unusableSkipped;
    private final AtomicLong lastLog = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    HandshakeMetrics(CertificateCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry r) {
        Counter[][][] c = new Counter[LEVELS.length][Result.values().length][VERSIONS.length];
        for (int l = 0; l < LEVELS.length; l++) {
            for (Result res : Result.values()) {
                for (int v = 0; v < VERSIONS.length; v++) {
                    c[l][res.ordinal()][v] = Counter.builder("ccsfront.tls.handshakes")
                            .description("TLS handshakes by selection level, result and protocol version")
                            .tags("level", LEVELS[l], "result", res.tag, "version", VERSIONS[v]).register(r);
                }
            }
        }
        handshakes = c;
        duration = Timer.builder("ccsfront.tls.handshake.duration").description("time from TLS handler start to handshake completion")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(r);
        invalidSni = Counter.builder("ccsfront.tls.sni.invalid").description("SNI values that are not valid DNS names (treated as absent)").register(r);
        unusableSkipped = Counter.builder("ccsfront.tls.unusable.skipped")
                .description("levels passed over because their certificate was unusable (tls.fallThroughUnusable)").register(r);
        FunctionCounter.builder("ccsfront.tls.cache.hits", cache, x -> x.stats().hitCount()).register(r);
        FunctionCounter.builder("ccsfront.tls.cache.misses", cache, x -> x.stats().missCount()).register(r);
        FunctionCounter.builder("ccsfront.tls.cache.evictions", cache, x -> x.stats().evictionCount()).register(r);
        FunctionCounter.builder("ccsfront.tls.cache.invalidations", cache, CertificateCache::invalidations).register(r);
        FunctionCounter.builder("ccsfront.tls.cache.build.seconds", cache, x -> x.buildNanos() / 1e9)
                .description("total time spent preparing certificates (parse chain, open key)").register(r);
        FunctionCounter.builder("ccsfront.tls.cache.builds", cache, CertificateCache::builds).register(r);
        Gauge.builder("ccsfront.tls.cache.size", cache, CertificateCache::size).register(r);
        Gauge.builder("ccsfront.tls.cache.unusable", cache, CertificateCache::brokenCount)
                .description("certificates whose key failed to load").register(r);
    }

    /** Records a handshake's selection decision (the handshake to {@code local}). */
    void decided(InetSocketAddress local, Decision d) {
        if (d.sniStatus() == SniStatus.INVALID && invalidSni != null) {
            invalidSni.increment();
        }
        if (d.unusableSkipped() > 0 && unusableSkipped != null) {
            unusableSkipped.increment(d.unusableSkipped());
            LOG.warn("handshake on {} sni={}: passed over {} unusable certificate level(s) (fall-through enabled)", local, d.sni(), d.unusableSkipped());
        }
        if (!d.selected()) {
            logLimited(local, d);
        }
    }

    /** Records the end of a handshake. */
    void completed(HandshakeState st, String protocol, Throwable failure) {
        if (handshakes == null) {
            return;
        }
        Decision d = st.decision();
        int level = d == null || d.level() == null ? 5 : d.level().ordinal();
        Result result;
        if (failure == null) {
            result = Result.OK;
        } else if (d != null && d.outcome() == Decision.Outcome.NO_CERTIFICATE) {
            result = Result.NO_CERTIFICATE;
        } else if (d != null && (d.outcome() == Decision.Outcome.UNUSABLE_CERTIFICATE || (d.selected() && st.prepared() == null))) {
            result = Result.UNUSABLE_CERTIFICATE;
        } else if (isTimeout(failure)) {
            result = Result.TIMEOUT;
        } else {
            result = Result.CLIENT_ERROR;
        }
        if (result != Result.OK && result != Result.UNUSABLE_CERTIFICATE && result != Result.NO_CERTIFICATE) {
            level = 5;
        }
        int v = "TLSv1.3".equals(protocol) ? 1 : "TLSv1.2".equals(protocol) ? 0 : 2;
        handshakes[level][result.ordinal()][v].increment();
        if (failure == null) {
            duration.record(System.nanoTime() - st.startNanos, TimeUnit.NANOSECONDS);
        }
    }

    static boolean isTimeout(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (x instanceof SSLHandshakeException && String.valueOf(x.getMessage()).contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private void logLimited(InetSocketAddress local, Decision d) {
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last > 1_000_000_000L && lastLog.compareAndSet(last, now)) {
            long n = suppressed.getAndSet(0);
            LOG.warn("no certificate for handshake on {} sni={}: {} (alert {}){}", local, d.sni(),
                    d.outcome() == Decision.Outcome.UNUSABLE_CERTIFICATE ? d.problem() : "no binding matches",
                    d.alert().text(), n > 0 ? " [" + n + " similar suppressed]" : "");
        } else {
            suppressed.incrementAndGet();
        }
    }

    static String levelTag(Level l) {
        return l == null ? "none" : l.tag();
    }
}
