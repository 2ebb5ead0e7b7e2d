package io.ccsfront.node.proxy;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket (or other {@code Upgrade}) connection after the worker's {@code 101}: the client's
 * connection and the worker's become two raw sockets piped into each other with back-pressure;
 * either side closing closes the other. The frames are not parsed: extensions and subprotocols
 * are what the client and the worker negotiated.
 *
 * <p>Vert.x 5.0: {@link HttpServerRequest#toNetSocket()} sends the {@code 101} with the response
 * headers set so far (the worker's, copied by the caller); {@link HttpClientResponse#netSocket()}
 * is the worker connection once {@code HttpClientRequest.connect()} saw its {@code 101}.
 */
final class Tunnel {

    private static final Logger LOG = LoggerFactory.getLogger(Tunnel.class);

    private Tunnel() {
    }

    static void open(HttpServerRequest req, HttpClientResponse workerResponse, Worker worker, String site) {
        NetSocket toWorker = workerResponse.netSocket();
        toWorker.pause(); // bytes the worker sends before the client side is ready wait for the pipe
        req.toNetSocket().onComplete(ar -> {
            if (ar.failed()) {
                LOG.debug("upgrade to site {} failed on the client side: {}", site, ar.cause().toString());
                toWorker.close();
                return;
            }
            NetSocket toClient = ar.result();
            toClient.closeHandler(v -> toWorker.close());
            toWorker.closeHandler(v -> toClient.close());
            toClient.pipeTo(toWorker);
            toWorker.pipeTo(toClient);
            LOG.debug("upgraded connection from {} to web worker {} of site {}", req.remoteAddress(), worker, site);
        });
    }
}
