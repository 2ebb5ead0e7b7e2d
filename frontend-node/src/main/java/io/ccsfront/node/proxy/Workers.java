package io.ccsfront.node.proxy;

import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web workers in use, their health and the proxy's connection pools.
 *
 * <p>Pools: one Vert.x {@link HttpClientAgent} whose pools are per worker address (at most
 * {@code proxy.poolSizePerWorker} HTTP/1.1 connections each). Workers are created on first use.
 *
 * <p>Health: a maintenance tick every {@code proxy.healthCheck.interval} sends {@code GET
 * <base path><proxy.healthCheck.path>} to every worker in use (2xx and 3xx pass); a worker is
 * also ejected after {@code proxy.ejectAfterFailures} consecutive connect failures and returns
 * when a check passes. With the interval at 0 there are no checks and no ejection.
 *
 * <p>Removed workers: the same tick (every 5 s when checks are off) notices a new snapshot and
 * compares the sites in use with it; a worker no site references any more is retired (no
 * checks, no new requests) and forgotten. Its pool is dropped by the client itself: with no new
 * requests its idle connections close after {@code proxy.idleTimeout} and an endpoint without
 * connections is disposed; requests in flight finish. Polling the snapshot (rather than a
 * {@code ConfigService} listener) keeps this class fed by a plain {@code Supplier}.
 */
final class Workers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
    private static final long TICK_WITHOUT_CHECKS_MS = 5000;

    private final Vertx vertx;
    private final Supplier<ConfigSnapshot> snapshots;
    private final ProxySettings settings;
    final HttpClientAgent client;
    private final int ejectAfter;
    private final Map<URI, Worker> workers = new ConcurrentHashMap<>();
    private final Map<String, SiteWorkers> sites = new ConcurrentHashMap<>();
    private volatile long generation;
    private volatile ConfigSnapshot reconciled;
    private volatile boolean closed;
    private final long timer;

    Workers(Vertx vertx, Supplier<ConfigSnapshot> snapshots, ProxySettings settings) {
        this.vertx = vertx;
        this.snapshots = snapshots;
        this.settings = settings;
        this.client = vertx.httpClientBuilder().with(settings.clientOptions()).with(settings.poolOptions()).build();
        boolean checks = !settings.healthCheckInterval().isZero();
        this.ejectAfter = checks ? settings.ejectAfterFailures() : 0;
        long period = checks ? Math.max(1, settings.healthCheckInterval().toMillis()) : TICK_WITHOUT_CHECKS_MS;
        this.timer = vertx.setPeriodic(period, id -> tick(checks));
    }

    /** The workers of the site {@code siteKey} as of {@code snapshot}; null when the site is gone. */
    SiteWorkers site(ConfigSnapshot snapshot, String siteKey) {
        SiteWorkers sw = sites.get(siteKey);
        if (sw != null && sw.checkedIn == snapshot && sw.generation == generation) {
            return sw;
        }
        return refresh(snapshot, siteKey, sw);
    }

    private SiteWorkers refresh(ConfigSnapshot snapshot, String siteKey, SiteWorkers old) {
        Site site = snapshot.site(siteKey);
        if (site == null) {
            return null;
        }
        long gen = generation;
        if (old != null && old.uris.equals(site.workers()) && !old.anyRetired()) {
            old.checkedIn = snapshot;
            old.generation = gen;
            return old;
        }
        List<URI> uris = site.workers();
        Worker[] ws = new Worker[uris.size()];
        for (int i = 0; i < ws.length; i++) {
            ws[i] = workers.computeIfAbsent(uris.get(i), Worker::new);
        }
        SiteWorkers fresh = new SiteWorkers(site.name(), uris, ws, snapshot, gen);
        sites.put(siteKey, fresh);
        return fresh;
    }

    /** Passive health: a connect failure; ejects the worker after {@code proxy.ejectAfterFailures}. */
    void connectFailed(Worker w, String site, Throwable cause) {
        if (w.connectFailed(ejectAfter)) {
            LOG.warn("web worker {} of site {} ejected after {} connect failure(s): {}", w, site, w.failures(), cause.toString());
        } else {
            LOG.debug("connect to web worker {} of site {} failed: {}", w, site, cause.toString());
        }
    }

    /** Number of workers in use that are healthy ({@code true}) or ejected ({@code false}). */
    int count(boolean healthy) {
        int n = 0;
        for (Worker w : workers.values()) {
            if (!w.retired() && w.healthy() == healthy) {
                n++;
            }
        }
        return n;
    }

    Worker worker(URI uri) {
        return workers.get(uri);
    }

    private void tick(boolean checks) {
        if (closed) {
            return;
        }
        ConfigSnapshot snap = snapshots.get();
        if (snap != reconciled) {
            vertx.executeBlocking(() -> {
                reconcile(snap);
                return null;
            }, false);
        }
        if (checks) {
            for (Worker w : workers.values()) {
                if (w.startCheck()) {
                    check(w);
                }
            }
        }
    }

    /** Forgets sites that are gone and retires workers no site in use references. */
    void reconcile(ConfigSnapshot snap) {
        Set<URI> live = new HashSet<>();
        for (Map.Entry<String, SiteWorkers> e : sites.entrySet()) {
            Site s = snap.site(e.getKey());
            if (s == null) {
                sites.remove(e.getKey(), e.getValue());
            } else {
                live.addAll(s.workers());
            }
        }
        boolean retiredAny = false;
        for (Worker w : workers.values()) {
            if (!live.contains(w.uri)) {
                w.retire();
                workers.remove(w.uri, w);
                retiredAny = true;
                LOG.info("web worker {} is no longer configured; retired", w);
            }
        }
        if (retiredAny) {
            generation++;
        }
        reconciled = snap;
    }

    private void check(Worker w) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost(w.host).setPort(w.port).setSsl(w.ssl)
                .setURI(w.target(settings.healthCheckPath())).setTimeout(settings.healthCheckTimeout().toMillis())
                .putHeader("User-Agent", "ccsfront-health-check");
        client.request(o)
                .compose(req -> req.send())
                .compose(resp -> {
                    int status = resp.statusCode();
                    return resp.end().map(v -> status);
                })
                .onComplete(ar -> {
                    boolean passed = ar.succeeded() && ar.result() >= 200 && ar.result() < 400;
                    if (w.checked(passed) && !w.retired()) {
                        if (passed) {
                            LOG.info("web worker {} passed its health check; back in rotation", w);
                        } else {
                            LOG.warn("web worker {} failed its health check ({}); ejected", w,
                                    ar.succeeded() ? "status " + ar.result() : ar.cause().toString());
                        }
                    }
                });
    }

    @Override
    public void close() {
        closeAsync();
    }

    Future<Void> closeAsync() {
        closed = true;
        vertx.cancelTimer(timer);
        return client.close();
    }
}
