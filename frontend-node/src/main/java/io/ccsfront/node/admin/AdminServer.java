package io.ccsfront.node.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The admin listener (loopback by default): {@code /metrics} (Prometheus text format) and
 * {@code /health/live}, {@code /health/ready} without authentication, and everything under
 * {@code /admin/} only with {@code Authorization: Bearer <token>}, compared in constant time.
 * Besides the node's admin token (identity {@code admin}) further named tokens may be added
 * ({@link #identities}); the name of the token presented is the request's {@link #ACTOR}.
 */
public final class AdminServer {

    private final Vertx vertx;
    private final Router router;
    /** Routing-context key of the authenticated identity's name ({@code admin} for the node's token). */
    public static final String ACTOR = "ccsfront.actor";

    private final String token;
    private volatile Map<String, byte[]> identities = Map.of();
    private HttpServer server;
    private boolean tls;

    public AdminServer(Vertx vertx, PrometheusMeterRegistry registry, String token, BooleanSupplier ready) {
        this.vertx = vertx;
        this.token = token;
        this.router = Router.router(vertx);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape()));
        router.get("/health/live").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end("{\"status\":\"UP\"}"));
        router.get("/health/ready").handler(ctx -> {
            boolean ok;
            try {
                ok = ready.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            ctx.response().setStatusCode(ok ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(ok ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
        router.route("/admin/*").order(-1).handler(this::authenticate);
    }

    /** Lets the admin API add its routes (all under {@code /admin/}). */
    public AdminServer routes(Consumer<Router> api) {
        api.accept(router);
        return this;
    }

    /** Adds named tokens (name to token) next to the node's own token; replaces earlier additions. */
    public AdminServer identities(Map<String, String> nameToToken) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        nameToToken.forEach((name, t) -> m.put(name, t.getBytes(StandardCharsets.UTF_8)));
        identities = Map.copyOf(m);
        return this;
    }

    public Router router() {
        return router;
    }

    public int start(String host, int port, String certFile, String keyFile) {
        HttpServerOptions o = new HttpServerOptions().setHost(host).setPort(port);
        if (certFile != null && !certFile.isEmpty()) {
            o.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(certFile).setKeyPath(keyFile));
            tls = true;
        }
        server = vertx.createHttpServer(o).requestHandler(router);
        server.listen().await();
        return server.actualPort();
    }

    /** Whether the listener is HTTPS (known once started). */
    public boolean tls() {
        return tls;
    }

    /** The identity whose token {@code presented} is (constant-time comparisons), or null: the web console's sign-in. */
    public String identity(String presented) {
        return presented == null ? null : identify(presented);
    }

    public void stop() {
        if (server != null) {
            server.close().await();
        }
    }

    private void authenticate(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        String who = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? identify(h.substring(7).strip()) : null;
        if (who != null) {
            ctx.put(ACTOR, who);
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"ccsfront\"")
                .putHeader("Content-Type", "application/json")
                .end("{\"error\":\"unauthorized\",\"message\":\"a valid admin bearer token is required\"}");
    }

    /** The identity whose token was presented, or null; every token is compared, in constant time. */
    private String identify(String presented) {
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        String who = MessageDigest.isEqual(p, token.getBytes(StandardCharsets.UTF_8)) ? "admin" : null;
        for (Map.Entry<String, byte[]> e : identities.entrySet()) {
            if (MessageDigest.isEqual(p, e.getValue()) && who == null) {
                who = e.getKey();
            }
        }
        return who;
    }
}
