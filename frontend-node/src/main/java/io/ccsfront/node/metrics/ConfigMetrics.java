package io.ccsfront.node.metrics;

import io.ccsfront.cert.CertificateSummary;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.node.state.ConfigService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Configuration, certificate-expiry and cluster metrics (docs/METRICS.md). Expiry figures are
 * computed over the certificates that are bound (SSL bindings and CCS entries), at most once a
 * minute or when the configuration changes, never per hostname as a series.
 */
public final class ConfigMetrics implements MeterBinder {

    private final ConfigService config;
    private final Clock clock;
    private final IntSupplier members;
    private Counter applied;
    private Timer delay;
    private volatile Expiry expiry;

    record Expiry(long version, Instant computedAt, double soonestSeconds, int within7, int within30, int expired, int bound) {
    }

    public ConfigMetrics(ConfigService config, Clock clock, IntSupplier members) {
        this.config = config;
        this.clock = clock;
        this.members = members;
    }

    @Override
    public void bindTo(MeterRegistry r) {
        Gauge.builder("ccsfront.config.version", config, c -> c.current().version())
                .description("configuration version this node serves").register(r);
        applied = Counter.builder("ccsfront.config.changes.applied").description("configuration changes applied on this node").register(r);
        delay = Timer.builder("ccsfront.config.apply.delay").description("time from commit (on any node) to applied on this node")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(30)).register(r);
        Gauge.builder("ccsfront.config.ready", config, c -> c.ready() ? 1 : 0)
                .description("1 when the configuration is loaded and replication is healthy").register(r);
        Gauge.builder("ccsfront.certificates.expiry.soonest.seconds", this, m -> m.expiry().soonestSeconds())
                .description("seconds until the soonest expiry among bound certificates (negative: already expired)").register(r);
        Gauge.builder("ccsfront.certificates.expiring", this, m -> m.expiry().within7()).tag("within", "7d")
                .description("bound certificates expiring within the window (not yet expired)").register(r);
        Gauge.builder("ccsfront.certificates.expiring", this, m -> m.expiry().within30()).tag("within", "30d")
                .description("bound certificates expiring within the window (not yet expired)").register(r);
        Gauge.builder("ccsfront.certificates.expired", this, m -> m.expiry().expired())
                .description("bound certificates already expired").register(r);
        Gauge.builder("ccsfront.certificates.bound", this, m -> m.expiry().bound())
                .description("distinct certificates referenced by SSL bindings and CCS entries").register(r);
        Gauge.builder("ccsfront.cluster.members", members, IntSupplier::getAsInt).description("members this node sees").register(r);
        config.addListener(this::applied);
    }

    private void applied(ConfigSnapshot before, ConfigSnapshot after, ChangeRecord record) {
        applied.increment();
        if (record != null) {
            long ms = Duration.between(record.committedAt(), clock.instant()).toMillis();
            delay.record(Math.max(0, ms), TimeUnit.MILLISECONDS);
        }
    }

    Expiry expiry() {
        Expiry e = expiry;
        ConfigSnapshot s = config.current();
        Instant now = clock.instant();
        if (e == null || e.version() != s.version() || Duration.between(e.computedAt(), now).toSeconds() >= 60) {
            e = compute(s, now);
            expiry = e;
        }
        return e;
    }

    private static Expiry compute(ConfigSnapshot s, Instant now) {
        Set<CertificateSummary> bound = new HashSet<>();
        for (var b : s.bindings()) {
            if (b.certHash() != null) {
                var c = s.certificate(b.certStoreName(), b.certHash());
                if (c != null) {
                    bound.add(c.summary());
                }
            }
        }
        s.forEachCcs((k, c) -> bound.add(c.summary()));
        double soonest = Double.POSITIVE_INFINITY;
        int w7 = 0;
        int w30 = 0;
        int expired = 0;
        for (CertificateSummary c : bound) {
            double left = Duration.between(now, c.notAfter()).toSeconds();
            soonest = Math.min(soonest, left);
            if (left < 0) {
                expired++;
            } else {
                if (left <= Duration.ofDays(7).toSeconds()) {
                    w7++;
                }
                if (left <= Duration.ofDays(30).toSeconds()) {
                    w30++;
                }
            }
        }
        return new Expiry(s.version(), now, bound.isEmpty() ? Double.NaN : soonest, w7, w30, expired, bound.size());
    }
}
