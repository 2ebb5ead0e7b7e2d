package io.ccsfront.node.proxy;

import io.ccsfront.binding.SiteBinding;
import io.ccsfront.cert.CertificateSummary;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.config.Route;
import io.ccsfront.name.HostNames;
import io.ccsfront.node.proxy.ProxyMetrics.Outcome;
import io.ccsfront.node.proxy.ProxyMetrics.SiteMeters;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The reverse proxy (what ARR does behind HTTP.SYS): the request handler of the HTTPS and the
 * HTTP listeners. Per request, from the configuration snapshot current when it arrives:
 *
 * <ol>
 *   <li>the host: {@code Host} (HTTP/1.x), {@code :authority} (HTTP/2) or an absolute-form
 *       target, port stripped and normalised; missing or invalid: {@code 400};</li>
 *   <li>on HTTPS, the certificate served on this connection must cover it, else {@code 421}
 *       (one tenant's certificate never carries another tenant's traffic; checked before the
 *       site lookup so that a coalesced HTTP/2 connection is told to retry elsewhere);</li>
 *   <li>the site: {@link ConfigSnapshot#route} for the connection's local address and port
 *       (SPEC.md §3 order); none: {@code 404};</li>
 *   <li>a healthy worker in round-robin order (none: {@code 503} with {@code Retry-After}), then
 *       {@link Exchange} forwards it ({@code 502}, {@code 504} on failures).</li>
 * </ol>
 *
 * <p>Construct it outside a verticle, or in one that lives as long as the listeners: its
 * worker client and maintenance timer belong to the constructing context. {@link #close()}
 * stops both.
 */
public final class ProxyHandler implements Handler<HttpServerRequest>, AutoCloseable {

    final Vertx vertx;
    final ProxySettings settings;
    final Workers workers;
    private final Supplier<ConfigSnapshot> snapshots;
    private final ServedCertificates served;
    private final ProxyMetrics metrics;

    public ProxyHandler(Vertx vertx, Supplier<ConfigSnapshot> snapshots, ProxySettings settings,
                        ServedCertificates served, ProxyMetrics metrics) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.served = Objects.requireNonNull(served, "served");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.workers = new Workers(vertx, snapshots, settings);
        metrics.attach(workers);
    }

    @Override
    public void handle(HttpServerRequest req) {
        long start = System.nanoTime();
        ConfigSnapshot snapshot = snapshots.get();
        if (req.method() == HttpMethod.CONNECT) {
            reject(req, 405, Outcome.BAD_REQUEST, "CONNECT is not supported by this front end", start);
            return;
        }
        String uri = req.uri();
        HostAndPort authority;
        String target;
        if (Hosts.isAbsoluteForm(uri)) {
            authority = Hosts.absoluteAuthority(uri);
            target = Hosts.absolutePath(uri);
        } else if (uri.startsWith("/") || uri.equals("*")) {
            authority = req.authority();
            target = uri;
        } else {
            reject(req, 400, Outcome.BAD_REQUEST, "invalid request target: " + Hosts.echo(uri), start);
            return;
        }
        if (authority == null) {
            reject(req, 400, Outcome.BAD_REQUEST, "missing or invalid Host header: " + Hosts.echo(req.getHeader("Host")), start);
            return;
        }
        String host = authority.host();
        String routeHost;
        String coverHost;
        if (Hosts.isIpLiteral(host)) {
            if (!Hosts.isValidIp(host)) {
                reject(req, 400, Outcome.BAD_REQUEST, "invalid IP address in Host header: " + Hosts.echo(host), start);
                return;
            }
            routeHost = "";
            coverHost = host;
        } else {
            routeHost = HostNames.normalize(host);
            if (routeHost == null) {
                reject(req, 400, Outcome.BAD_REQUEST, "invalid host name in Host header: " + Hosts.echo(host), start);
                return;
            }
            coverHost = routeHost;
        }
        boolean https = req.isSSL();
        if (https) {
            CertificateSummary cert = served.servedOn(req);
            if (cert == null || !cert.covers(coverHost)) {
                reject(req, 421, Outcome.MISDIRECTED, "the certificate of this connection does not cover " + coverHost, start);
                return;
            }
        }
        SocketAddress local = req.connection().localAddress();
        InetAddress localIp = Addresses.ip(local);
        Route route = snapshot.route(https ? SiteBinding.Protocol.HTTPS : SiteBinding.Protocol.HTTP, localIp, local.port(), routeHost);
        SiteWorkers site = route == null ? null : workers.site(snapshot, route.siteKey());
        if (site == null) {
            reject(req, 404, Outcome.UNKNOWN_HOST, "no site is bound to " + coverHost + " on port " + local.port(), start);
            return;
        }
        SiteMeters meters = metrics.site(route.siteKey());
        Worker worker = site.pick(null);
        if (worker == null) {
            Replies.send(req, 503, "no healthy web worker for site " + site.siteName, settings.retryAfterSeconds());
            meters.request(503, Outcome.NO_HEALTHY_WORKER, start);
            return;
        }
        boolean upgrade = req.version() == HttpVersion.HTTP_1_1 && req.canUpgradeToWebSocket();
        new Exchange(this, req, site, meters, start, target, authority, upgrade).start(worker);
    }

    private void reject(HttpServerRequest req, int status, Outcome outcome, String message, long start) {
        Replies.send(req, status, message);
        metrics.other().request(status, outcome, start);
    }

    /** The health of the worker {@code uri} on this node. */
    public WorkerStatus workerStatus(java.net.URI uri) {
        Worker w = workers.worker(uri);
        if (w == null) {
            return new WorkerStatus(WorkerStatus.State.NOT_USED, 0);
        }
        return new WorkerStatus(w.healthy() ? WorkerStatus.State.HEALTHY : WorkerStatus.State.EJECTED, w.failures());
    }

    /** Stops the health checks and closes the pooled worker connections. */
    public Future<Void> closeAsync() {
        return workers.closeAsync();
    }

    @Override
    public void close() {
        workers.close();
    }
}
