package io.ccsfront.node.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.Pipe;

/**
 * How a request body travels to the worker: none, with its {@code Content-Length}, or chunked;
 * always through a {@link Pipe} (back-pressure both ways, nothing buffered beyond a chunk).
 * Created synchronously in the request handler, before anything asynchronous, so the request is
 * paused and no byte is lost while a worker connection is obtained (or retried).
 *
 * <p>An HTTP/2 request without {@code Content-Length} may or may not carry a body (Vert.x 5.0
 * reports {@code isEnded()} only after the handler ran): its first event decides — end means
 * no body (a plain GET), data means a chunked body.
 */
final class RequestBody {

    private enum Mode { NONE, LENGTH, CHUNKED, PROBE }

    private final HttpServerRequest req;
    private final Mode mode;
    private Pipe<Buffer> pipe;

    RequestBody(HttpServerRequest req, boolean upgrade) {
        this.req = req;
        String cl = req.headers().get(HttpHeaders.CONTENT_LENGTH);
        boolean te = req.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (upgrade) {
            mode = Mode.NONE;
        } else if (te) {
            mode = Mode.CHUNKED; // Transfer-Encoding wins over Content-Length (RFC 9112 §6.3)
        } else if (cl != null) {
            mode = cl.equals("0") ? Mode.NONE : Mode.LENGTH;
        } else {
            mode = req.version() == HttpVersion.HTTP_2 && !req.isEnded() ? Mode.PROBE : Mode.NONE;
        }
        if (mode == Mode.LENGTH || mode == Mode.CHUNKED) {
            pipe = req.pipe().endOnFailure(false);
        } else if (mode == Mode.PROBE) {
            req.pause();
        }
    }

    /** Whether the client may still be sending a body the worker never gets (decides Connection: close on errors). */
    boolean pending() {
        return mode != Mode.NONE;
    }

    /** Sends the body to {@code up} and ends it; completes when the request is fully sent. */
    Future<Void> sendTo(HttpClientRequest up) {
        switch (mode) {
            case LENGTH:
                return pipe.to(up);
            case CHUNKED:
                up.headers().remove(HttpHeaders.CONTENT_LENGTH);
                up.setChunked(true);
                return pipe.to(up);
            case PROBE:
                return probe(up);
            default:
                return up.end();
        }
    }

    private Future<Void> probe(HttpClientRequest up) {
        Promise<Void> sent = Promise.promise();
        req.handler(first -> {
            req.handler(null).endHandler(null);
            up.setChunked(true);
            up.write(first);
            pipe = req.pipe().endOnFailure(false);
            pipe.to(up).onComplete(ar -> settle(sent, ar.cause()));
        });
        req.endHandler(v -> {
            req.handler(null).endHandler(null);
            up.end().onComplete(ar -> settle(sent, ar.cause()));
        });
        req.exceptionHandler(sent::tryFail);
        req.fetch(1);
        return sent.future();
    }

    private static void settle(Promise<Void> p, Throwable failure) {
        if (failure == null) {
            p.tryComplete();
        } else {
            p.tryFail(failure);
        }
    }

    /** The exchange ended early: stop piping and let Vert.x drop what is still coming. */
    void discard() {
        if (req.isEnded()) {
            return;
        }
        if (pipe != null) {
            pipe.close();
        } else if (mode == Mode.PROBE) {
            req.handler(null).endHandler(null);
            req.resume();
        }
    }
}
