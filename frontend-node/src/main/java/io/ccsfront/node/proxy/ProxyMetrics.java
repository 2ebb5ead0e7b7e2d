package io.ccsfront.node.proxy;

import io.ccsfront.site.Site;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The reverse proxy's meters. Every meter carries a {@code site} tag: the site's key (its name
 * in lower case) for the sites listed in {@code metrics.perSiteSites}, {@code other} for every
 * other site and for requests that matched no site. Series are bounded by that list, never by
 * the number of sites or hostnames.
 *
 * <ul>
 *   <li>{@value #REQUESTS} (counter): requests answered, tagged {@code site}, {@code status}
 *       ({@code 1xx}…{@code 5xx}) and {@code outcome} (see {@link Outcome}).</li>
 *   <li>{@value #LATENCY} (timer with percentile histogram): request start to response end
 *       (to the tunnel being open for WebSocket), tagged {@code site}.</li>
 *   <li>{@value #CONNECT_ERRORS} (counter): failed connects to web workers, tagged {@code site}.</li>
 *   <li>{@value #WORKERS} (gauge): web workers in use, tagged {@code state=healthy|unhealthy}.</li>
 * </ul>
 */
public final class ProxyMetrics {

    public static final String REQUESTS = "ccsfront.proxy.requests";
    public static final String LATENCY = "ccsfront.proxy.latency";
    public static final String CONNECT_ERRORS = "ccsfront.proxy.upstream.connect.errors";
    public static final String WORKERS = "ccsfront.proxy.workers";
    public static final String OTHER = "other";

    /** What became of a request: the {@code outcome} tag. */
    enum Outcome {
        FORWARDED("forwarded"), UPGRADED("upgraded"), BAD_REQUEST("bad_request"), UNKNOWN_HOST("unknown_host"),
        MISDIRECTED("misdirected"), NO_HEALTHY_WORKER("no_healthy_worker"), CONNECT_ERROR("connect_error"),
        TIMEOUT("timeout"), WORKER_ERROR("worker_error"), ABORTED("aborted");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private static final int STATUS_CLASSES = 5;
    private static final Outcome[] OUTCOMES = Outcome.values();

    private final MeterRegistry registry;
    private final Map<String, SiteMeters> perSite;
    private final SiteMeters other;
    private volatile Workers workers;

    public ProxyMetrics(MeterRegistry registry, Collection<String> perSiteSites) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Map<String, SiteMeters> m = new HashMap<>();
        for (String name : perSiteSites) {
            String key = Site.key(name);
            m.put(key, new SiteMeters(key));
        }
        this.perSite = Map.copyOf(m);
        this.other = new SiteMeters(OTHER);
        Gauge.builder(WORKERS, this, p -> p.workerCount(true)).tag("state", "healthy").strongReference(true)
                .description("web workers in use that are in rotation").register(registry);
        Gauge.builder(WORKERS, this, p -> p.workerCount(false)).tag("state", "unhealthy").strongReference(true)
                .description("web workers in use that are ejected").register(registry);
    }


    /** The meters of a site key; the shared {@code other} meters unless the site opted in. */
    SiteMeters site(String siteKey) {
        if (siteKey == null || perSite.isEmpty()) {
            return other;
        }
        SiteMeters m = perSite.get(siteKey);
        return m == null ? other : m;
    }

    SiteMeters other() {
        return other;
    }

    void attach(Workers w) {
        this.workers = w;
    }

    private double workerCount(boolean healthy) {
        Workers w = workers;
        return w == null ? 0 : w.count(healthy);
    }

    /** One site's (or {@code other}'s) meters; request counters are registered on first use. */
    final class SiteMeters {
        private final String site;
        private final AtomicReferenceArray<Counter> requests = new AtomicReferenceArray<>(OUTCOMES.length * STATUS_CLASSES);
        private final Timer latency;
        private final Counter connectErrors;

        private SiteMeters(String site) {
            this.site = site;
            this.latency = Timer.builder(LATENCY).tag("site", site).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2))
                    .description("request start to response end through the proxy").register(registry);
            this.connectErrors = Counter.builder(CONNECT_ERRORS).tag("site", site)
                    .description("failed connects to web workers").register(registry);
            // the usual series exist from the start, so rate() sees their first increments
            for (int cls = 1; cls < STATUS_CLASSES; cls++) {
                counter(cls, Outcome.FORWARDED);
            }
            for (Outcome o : new Outcome[] {Outcome.BAD_REQUEST, Outcome.UNKNOWN_HOST, Outcome.MISDIRECTED}) {
                counter(3, o);
            }
            for (Outcome o : new Outcome[] {Outcome.NO_HEALTHY_WORKER, Outcome.CONNECT_ERROR, Outcome.TIMEOUT, Outcome.WORKER_ERROR}) {
                counter(4, o);
            }
        }

        private Counter counter(int cls, Outcome outcome) {
            int i = outcome.ordinal() * STATUS_CLASSES + cls;
            Counter c = requests.get(i);
            if (c == null) {
                c = Counter.builder(REQUESTS).tag("site", site).tag("status", (cls + 1) + "xx").tag("outcome", outcome.tag)
                        .description("requests answered by the proxy").register(registry);
                requests.set(i, c);
            }
            return c;
        }

        void request(int status, Outcome outcome, long startNanos) {
            int cls = Math.min(Math.max(status / 100, 1), STATUS_CLASSES) - 1;
            counter(cls, outcome).increment();
            latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }

        void connectError() {
            connectErrors.increment();
        }
    }
}
