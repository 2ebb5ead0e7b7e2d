package io.ccsfront.node.admin.console;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * {@code GET /console/api/events}: server-sent events telling signed-in pages the configuration
 * version — once on connect, then on every change applied on this node (whoever made it: this
 * console, {@code ccsctl}, another member). Pages re-read what they show when it moves. A comment
 * line every {@link #HEARTBEAT_MS} keeps proxies from closing the stream and ends it once its
 * session has expired. At most {@link #MAX_STREAMS} streams are open at once.
 */
final class EventStreams {

    static final long HEARTBEAT_MS = 15_000;
    static final int MAX_STREAMS = 100;

    private record Stream(HttpServerResponse response, Context context, ConsoleSessions.Session session) {
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final LongSupplier version;
    private final Predicate<ConsoleSessions.Session> live;

    EventStreams(Vertx vertx, LongSupplier version, Predicate<ConsoleSessions.Session> live) {
        this.version = version;
        this.live = live;
        vertx.setPeriodic(HEARTBEAT_MS, id -> heartbeat());
    }

    /** Opens a stream on {@code response} (on its event loop); false when too many are open. */
    boolean open(HttpServerResponse response, ConsoleSessions.Session session) {
        if (streams.size() >= MAX_STREAMS) {
            return false;
        }
        Stream s = new Stream(response, Vertx.currentContext(), session);
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> streams.remove(s));
        response.exceptionHandler(t -> streams.remove(s));
        streams.add(s);
        response.write("retry: 2000\n\n");
        send(s, version.getAsLong());
        return true;
    }

    /** A change was applied: every stream hears the new version. */
    void changed(long newVersion) {
        for (Stream s : streams) {
            s.context.runOnContext(v -> send(s, newVersion));
        }
    }

    int open() {
        return streams.size();
    }

    private void send(Stream s, long v) {
        if (!s.response.closed() && !s.response.ended()) {
            s.response.write("event: version\ndata: {\"version\":" + v + "}\n\n");
        }
    }

    private void heartbeat() {
        for (Stream s : streams) {
            s.context.runOnContext(v -> {
                if (s.response.closed() || s.response.ended()) {
                    streams.remove(s);
                } else if (!live.test(s.session)) {
                    streams.remove(s);
                    s.response.end("event: signed-out\ndata: {}\n\n");
                } else {
                    s.response.write(": keep-alive\n\n");
                }
            });
        }
    }
}
