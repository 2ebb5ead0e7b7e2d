package io.ccsfront.node.proxy;

import io.ccsfront.node.proxy.ProxyMetrics.Outcome;
import io.ccsfront.node.proxy.ProxyMetrics.SiteMeters;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request forwarded to a web worker over HTTP/1.1: obtain a pooled connection (a connect
 * failure retries an idempotent request once on another worker), stream the body with
 * back-pressure, wait at most {@code proxy.responseTimeout} for the response headers once the
 * request is sent, stream the response back. A WebSocket upgrade goes the same way up to the
 * worker's {@code 101}, then becomes a {@link Tunnel}. All callbacks run on the request's
 * event loop, so the state needs no locking.
 */
final class Exchange implements Handler<Long> {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final Handler<Throwable> UPSTREAM_FAILURE = t -> LOG.debug("web worker request failed: {}", t.toString());

    private final ProxyHandler proxy;
    private final HttpServerRequest req;
    private final SiteWorkers site;
    private final SiteMeters meters;
    private final long start;
    private final String target;
    private final HostAndPort authority;
    private final boolean upgrade;
    private final RequestBody body;

    private Worker worker;
    private boolean retried;
    private HttpClientRequest upstream;
    private long timer = -1;
    private boolean responded;
    private boolean done;
    private int status = 499;

    Exchange(ProxyHandler proxy, HttpServerRequest req, SiteWorkers site, SiteMeters meters, long start, String target,
             HostAndPort authority, boolean upgrade) {
        this.proxy = proxy;
        this.req = req;
        this.site = site;
        this.meters = meters;
        this.start = start;
        this.target = target;
        this.authority = authority;
        this.upgrade = upgrade;
        this.body = new RequestBody(req, upgrade);
        req.response().closeHandler(v -> clientGone());
    }

    void start(Worker w) {
        worker = w;
        RequestOptions o = new RequestOptions().setMethod(req.method()).setHost(w.host).setPort(w.port).setSsl(w.ssl)
                .setURI(w.target(target)).setConnectTimeout(proxy.settings.poolWaitMillis());
        proxy.workers.client.request(o).onComplete(this::connected);
    }

    private void connected(AsyncResult<HttpClientRequest> ar) {
        if (ar.failed()) {
            connectFailed(ar.cause());
            return;
        }
        HttpClientRequest up = ar.result();
        worker.connected();
        if (done) {
            up.reset();
            return;
        }
        upstream = up;
        up.exceptionHandler(UPSTREAM_FAILURE); // failures reach the response future; this keeps Vert.x from logging them as unhandled
        Forwarding.copyRequestHeaders(req, up.headers(), upgrade, proxy.settings.trustForwardedHeaders(),
                Addresses.text(req.remoteAddress()), req.isSSL() ? "https" : "http", authority.toString(),
                req.connection().localAddress().port());
        up.authority(authority);
        if (upgrade) {
            up.connect().onComplete(this::responded);
            armTimer();
            return;
        }
        up.response().onComplete(this::responded);
        body.sendTo(up).onComplete(sent -> {
            if (sent.succeeded()) {
                armTimer();
                return;
            }
            // The worker stopped reading (an early answer such as 413 still goes through), or a side
            // went away (the client: clientGone aborts; the worker: the failed response answers 502).
            LOG.debug("request body to web worker {} of site {} stopped: {}", worker, site.siteName, sent.cause().toString());
            body.discard();
            if (!responded) {
                up.reset();
            }
        });
    }

    private void connectFailed(Throwable cause) {
        if (done) {
            return;
        }
        boolean busy = cause instanceof TimeoutException;
        if (!busy) {
            meters.connectError();
            proxy.workers.connectFailed(worker, site.siteName, cause);
        } else {
            LOG.debug("no pooled connection to web worker {} of site {} in time: {}", worker, site.siteName, cause.toString());
        }
        if (!retried && isIdempotent(req.method())) {
            Worker next = site.pick(worker);
            if (next != null) {
                retried = true;
                start(next);
                return;
            }
        }
        if (busy) {
            finish(503, Outcome.NO_HEALTHY_WORKER, "the web workers of site " + site.siteName + " are all busy",
                    proxy.settings.retryAfterSeconds());
        } else {
            finish(502, Outcome.CONNECT_ERROR, "could not connect to a web worker of site " + site.siteName, 0);
        }
    }

    private void armTimer() {
        if (!responded && !done) {
            timer = proxy.vertx.setTimer(proxy.settings.responseTimeout().toMillis(), this);
        }
    }

    /** The response timeout fired. */
    @Override
    public void handle(Long id) {
        timer = -1;
        if (responded || done) {
            return;
        }
        LOG.debug("web worker {} of site {} did not answer {} {} in {}", worker, site.siteName, req.method(), target,
                proxy.settings.responseTimeout());
        finish(504, Outcome.TIMEOUT, "the web worker of site " + site.siteName + " did not answer in "
                + proxy.settings.responseTimeout().toMillis() + " ms", 0);
        upstream.reset();
    }

    private void responded(AsyncResult<HttpClientResponse> ar) {
        responded = true;
        if (timer != -1) {
            proxy.vertx.cancelTimer(timer);
            timer = -1;
        }
        if (done) {
            return;
        }
        if (ar.failed()) {
            LOG.debug("web worker {} of site {} failed before answering: {}", worker, site.siteName, ar.cause().toString());
            finish(502, Outcome.WORKER_ERROR, "the web worker of site " + site.siteName + " failed before answering", 0);
            return;
        }
        HttpClientResponse resp = ar.result();
        status = resp.statusCode();
        HttpServerResponse out = req.response();
        if (upgrade && status == 101) {
            Forwarding.copyResponseHeaders(resp.headers(), out.headers(), true);
            done = true;
            Tunnel.open(req, resp, worker, site.siteName);
            meters.request(101, Outcome.UPGRADED, start);
            return;
        }
        out.setStatusCode(status);
        if (resp.statusMessage() != null) {
            out.setStatusMessage(resp.statusMessage());
        }
        Forwarding.copyResponseHeaders(resp.headers(), out.headers(), false);
        if (req.version() != HttpVersion.HTTP_2 && !out.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && mayHaveBody(req.method(), status)) {
            out.setChunked(true);
        }
        boolean close = req.version() == HttpVersion.HTTP_1_1 && Forwarding.listsClose(req.headers().get(HttpHeaders.CONNECTION));
        if (close) {
            out.headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        resp.pipe().endOnFailure(false).to(out).onComplete(sent -> {
            if (sent.failed()) {
                abort("response body", sent.cause());
            } else if (!done) {
                done = true;
                meters.request(status, Outcome.FORWARDED, start);
                if (close) {
                    req.connection().close();
                }
            }
        });
    }

    /** The client went away before the response ended: stop the worker's side too. */
    private void clientGone() {
        if (!done && !req.response().ended()) { // HTTP/2 closes the stream before the pipe reports the end
            abort("client connection", new IllegalStateException("client closed the connection"));
        }
    }

    /** A stream broke mid-way: reset both sides so no truncated body looks complete. */
    private void abort(String where, Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        LOG.debug("{} {} to site {} aborted ({} failed): {}", req.method(), target, site.siteName, where, cause.toString());
        if (timer != -1) {
            proxy.vertx.cancelTimer(timer);
            timer = -1;
        }
        if (upstream != null) {
            upstream.reset();
        }
        body.discard();
        HttpServerResponse out = req.response();
        if (!out.ended() && !out.closed()) {
            out.reset();
        }
        meters.request(status, Outcome.ABORTED, start);
    }

    private void finish(int code, Outcome outcome, String message, long retryAfter) {
        done = true;
        body.discard();
        Replies.send(req, code, message, retryAfter);
        meters.request(code, outcome, start);
    }

    /** GET, HEAD, OPTIONS, PUT and DELETE may be retried on another worker (nothing of the body was sent yet). */
    static boolean isIdempotent(HttpMethod m) {
        return m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS || m == HttpMethod.PUT
                || m == HttpMethod.DELETE;
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}
