package io.ccsfront.node.proxy;

import io.ccsfront.node.proxy.ProxyMetrics.Outcome;
import io.ccsfront.node.proxy.ProxyMetrics.SiteMeters;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.streams.Pipe;
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

    private final ProxyHandler proxy;
    private final HttpServerRequest req;
    private final SiteWorkers site;
    private final SiteMeters meters;
    private final long start;
    private final String target;
    private final HostAndPort authority;
    private final boolean upgrade;
    private final Pipe<Buffer> body;
    private final boolean chunked;

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
        String cl = req.headers().get(HttpHeaders.CONTENT_LENGTH);
        boolean te = req.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        boolean hasBody = !upgrade && (req.version() == HttpVersion.HTTP_2 ? !req.isEnded() : te || cl != null);
        this.chunked = hasBody && (te || cl == null);
        // Created before anything asynchronous happens: pauses the request so no body byte is lost or buffered.
        this.body = hasBody ? req.pipe().endOnFailure(false) : null;
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
        Forwarding.copyRequestHeaders(req, up.headers(), upgrade, proxy.settings.trustForwardedHeaders(),
                Addresses.text(req.remoteAddress()), req.isSSL() ? "https" : "http", authority.toString(),
                req.connection().localAddress().port());
        up.authority(authority);
        if (upgrade) {
            up.connect().onComplete(this::responded);
            armTimer();
        } else if (body == null) {
            up.response().onComplete(this::responded);
            up.end();
            armTimer();
        } else {
            up.response().onComplete(this::responded);
            up.setChunked(chunked);
            body.to(up).onComplete(sent -> {
                if (sent.failed()) {
                    abort("request body", sent.cause());
                } else {
                    armTimer();
                }
            });
        }
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
            if (body != null) {
                body.close();
            }
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

    /** The client went away: stop the worker's side too. */
    private void clientGone() {
        if (!done) {
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
        if (body != null) {
            body.close();
        }
        HttpServerResponse out = req.response();
        if (!out.ended() && !out.closed()) {
            out.reset();
        }
        meters.request(status, Outcome.ABORTED, start);
    }

    private void finish(int code, Outcome outcome, String message, long retryAfter) {
        done = true;
        if (body != null) {
            body.close();
        }
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
