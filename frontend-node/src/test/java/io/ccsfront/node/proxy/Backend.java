package io.ccsfront.node.proxy;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real web worker for tests: a Vert.x HTTP server on 127.0.0.1, port chosen by the system. */
final class Backend {

    /** What the worker received. */
    record Seen(String method, String uri, HttpVersion version, MultiMap headers, long bodyBytes) {
    }

    final HttpServer server;
    final int port;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger healthChecks = new AtomicInteger();

    private Backend(Vertx vertx, int port, Handler<HttpServerRequest> handler) {
        this.server = ProxyFixture.await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(handler).listen());
        this.port = server.actualPort();
    }

    /** Answers 200 with the request target it received as the body; records every request. */
    static Backend echo(Vertx vertx) {
        return echo(vertx, 0);
    }

    /** {@link #echo(Vertx)} on a given port (to bring back a worker that was down). */
    static Backend echo(Vertx vertx, int port) {
        Backend[] self = new Backend[1];
        self[0] = new Backend(vertx, port, req -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
            if ("ccsfront-health-check".equals(req.getHeader("User-Agent"))) {
                self[0].healthChecks.incrementAndGet();
                req.response().end("healthy");
                return;
            }
            req.body().onSuccess(b -> {
                self[0].seen.add(new Seen(req.method().name(), req.uri(), req.version(), headers, b.length()));
                req.response().putHeader("Content-Type", "text/plain").end(req.uri());
            });
        });
        return self[0];
    }

    /** Accepts connections and requests and never answers (health checks excepted). */
    static Backend silent(Vertx vertx) {
        return new Backend(vertx, 0, req -> {
            if ("ccsfront-health-check".equals(req.getHeader("User-Agent"))) {
                req.response().end("healthy");
            }
        });
    }

    URI url(String basePath) {
        return URI.create("http://127.0.0.1:" + port + basePath);
    }

    URI url() {
        return url("");
    }

    long requestsTo(String uriPrefix) {
        return seen.stream().filter(s -> s.uri().startsWith(uriPrefix)).count();
    }

    void close() {
        ProxyFixture.await(server.close());
    }

    /** A loopback port nothing listens on (bound, then released): connects to it are refused. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static URI closedWorker() {
        return URI.create("http://127.0.0.1:" + closedPort());
    }
}
