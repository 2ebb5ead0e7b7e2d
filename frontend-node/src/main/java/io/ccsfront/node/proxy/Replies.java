package io.ccsfront.node.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * The proxy's own answers: a status and one short line of text naming the problem and the
 * offending value (a host, a site) — never a worker's internal address, which goes to the log.
 */
final class Replies {

    private Replies() {
    }

    /**
     * Answers {@code status} with {@code message}; when the response has already started (a
     * failure mid-body) the stream is reset instead, so a truncated body never looks complete.
     * An HTTP/1.x request whose body was not read is answered with {@code Connection: close}
     * rather than reading and discarding the body.
     */
    static void send(HttpServerRequest req, int status, String message, long retryAfterSeconds) {
        HttpServerResponse r = req.response();
        if (r.ended() || r.closed()) {
            return;
        }
        if (r.headWritten()) {
            r.reset();
            return;
        }
        r.setStatusCode(status);
        r.headers().clear()
                .set(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaders.CACHE_CONTROL, "no-store");
        if (retryAfterSeconds > 0) {
            r.headers().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        boolean close = req.version() != HttpVersion.HTTP_2 && hasUnreadBody(req);
        if (close) {
            r.headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        r.setChunked(false);
        String body = status + " " + r.getStatusMessage() + ": " + message + "\n";
        if (close) {
            r.end(body).onComplete(v -> req.connection().close());
        } else {
            r.end(body);
        }
    }

    static void send(HttpServerRequest req, int status, String message) {
        send(req, status, message, 0);
    }

    /** An HTTP/1.x request announcing a body (Content-Length > 0 or Transfer-Encoding) not yet read to its end. */
    static boolean hasUnreadBody(HttpServerRequest req) {
        if (req.isEnded()) {
            return false;
        }
        String te = req.headers().get(HttpHeaders.TRANSFER_ENCODING);
        if (te != null) {
            return true;
        }
        String cl = req.headers().get(HttpHeaders.CONTENT_LENGTH);
        return cl != null && !cl.equals("0");
    }
}
