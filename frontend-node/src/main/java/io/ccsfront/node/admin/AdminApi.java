package io.ccsfront.node.admin;

import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.admin.console.ConsoleRoutes;
import io.ccsfront.node.config.Secrets;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin REST API, {@code /admin/v1/...} on the node's admin listener (which checks the bearer
 * token first). JSON in and out; every mutating call takes an expected version ({@code If-Match}
 * or {@code expectedVersion}) and answers the new {@code version}. One class per resource mounts
 * its routes here; their handlers run on worker threads (certificate parsing and commits block).
 * The routes are described in {@code openapi.yaml}, served at {@code /admin/v1/openapi.json}.
 *
 * <pre>
 *   new FrontendNode(config, clock).withAdminApi(AdminApi::install).start(handler);
 * </pre>
 */
public final class AdminApi {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    /** Every route lives under this prefix. */
    public static final String BASE = "/admin/v1";

    /** A resource handler: returns a {@link JsonObject} (200) or a {@link Reply}; runs on a worker thread. */
    @FunctionalInterface
    interface Endpoint {
        Object handle(Req r) throws Exception;
    }

    /** A resource handler that completes asynchronously on the event loop (calls to other members). */
    @FunctionalInterface
    interface AsyncEndpoint {
        Future<JsonObject> handle(Req r);
    }

    /** A response with a status other than 200. */
    record Reply(int status, JsonObject body) {
        Reply {
            Objects.requireNonNull(body, "body");
        }

        static Reply created(JsonObject body) {
            return new Reply(201, body);
        }
    }

    private final FrontendNode node;
    private final Router router;
    private final Bodies bodies;

    private AdminApi(FrontendNode node) {
        this.node = node;
        this.router = node.admin().router();
        this.bodies = new Bodies(node.config().longValue("admin.maxUploadBytes", 1024, 1L << 30));
    }

    /** Mounts the API on {@code node}'s admin listener and starts the audit log; the hook of {@link FrontendNode#withAdminApi}. */
    public static void install(FrontendNode node) {
        AdminApi api = new AdminApi(node);
        node.admin().identities(Tokens.read(node.config().string("admin.tokensFile")));
        Path dataDir = node.settings().dataDir();
        AuditLog audit = AuditLog.open(dataDir.resolve("audit.log"), node.settings().nodeName());
        node.configService().addListener(audit);
        Commits commits = new Commits(node.configService());
        api.router.route(BASE + "/*").handler(api::awaitMinVersion);
        new CertificatesApi(node, commits, audit).mount(api);
        new CertificateRequestsApi(node, commits).mount(api);
        new SslBindingsApi(commits).mount(api);
        new CcsApi(node, commits).mount(api);
        new SitesApi(commits).mount(api);
        new DiagnosticsApi(node).mount(api);
        new RotateApi(node, commits).mount(api);
        new NodeApi(node).mount(api);
        new AuditApi(audit).mount(api);
        new ServingApi(node.configService()::current, new io.ccsfront.selection.Selector(node.settings().fallThroughUnusable()),
                node.cache().health()).mount(api);
        new WorkersApi(node.configService()::current, node.workerStatus()).mount(api);
        new OpenApi().mount(api);
        mountConsole(node);
        api.router.route(BASE + "/*").failureHandler(ApiErrors::failure);
        api.router.route(BASE + "/*").last().handler(ctx -> ApiErrors.send(ctx,
                new ApiException(404, "not_found", "no such admin API resource: " + ctx.request().method() + " " + ctx.request().path())));
        LOG.info("admin API mounted at {} (audit log {})", BASE, dataDir.resolve("audit.log"));
    }

    /** The web console at /console/ on the same listener, token and audit (package {@code console}). */
    private static void mountConsole(FrontendNode node) {
        AdminServer admin = node.admin();
        String url = ConsoleRoutes.url(admin.tls(), node.settings().adminHost(), node.adminPort());
        ConsoleRoutes console = ConsoleRoutes.mount(admin.router(), new ConsoleRoutes.Services(node.vertx(), node.clock(), admin::identity,
                () -> node.configService().current().version(), admin.tls(), node.adminPort(), url,
                Secrets.adminTokenSource(node.config(), node.settings().dataDir())));
        node.configService().addListener((before, after, rec) -> console.changed(after.version()));
    }

    /** Request header: serve this request only once this node has applied at least that configuration version. */
    static final String MIN_VERSION = "Ccsfront-Min-Version";

    /**
     * Read-your-writes across nodes: a client that committed version N on one member (every
     * mutating call answers {@code version}) and sends the next call to another member with
     * {@code Ccsfront-Min-Version: N} is served only after that member has applied N — without it a
     * rotation to a certificate imported a moment before on another member could see 404. Waits
     * without blocking (a timer), at most {@code admin.minVersionWait}, then answers 503
     * {@code version_not_reached} with {@code Retry-After}.
     */
    void awaitMinVersion(RoutingContext ctx) {
        String h = ctx.request().getHeader(MIN_VERSION);
        if (h == null) {
            ctx.next();
            return;
        }
        long want;
        try {
            want = Long.parseLong(h.trim());
        } catch (NumberFormatException e) {
            want = -1;
        }
        if (want < 0) {
            ApiErrors.send(ctx, new ApiException(400, "invalid_argument", MIN_VERSION + " must be a configuration version (a number >= 0)",
                    new JsonObject().put("field", MIN_VERSION).put("value", h)));
            return;
        }
        if (node.configService().current().version() >= want) {
            ctx.next();
            return;
        }
        long target = want;
        ctx.request().pause(); // the body stays unread until the body handler runs after the wait
        long waitMs = node.config().duration("admin.minVersionWait").toMillis();
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        node.vertx().setPeriodic(5, id -> {
            long have = node.configService().current().version();
            if (have >= target) {
                node.vertx().cancelTimer(id);
                ctx.next();
            } else if (System.nanoTime() > deadline || ctx.response().closed()) {
                node.vertx().cancelTimer(id);
                if (!ctx.response().closed()) {
                    ctx.response().putHeader("Retry-After", "1");
                    ApiErrors.send(ctx, new ApiException(503, "version_not_reached", "this node is at configuration version " + have
                            + " and did not reach " + target + " within " + waitMs + " ms",
                            new JsonObject().put("version", have)));
                }
            }
        });
    }

    void get(String path, Endpoint e) {
        route(HttpMethod.GET, path, e);
    }

    void post(String path, Endpoint e) {
        route(HttpMethod.POST, path, e);
    }

    void put(String path, Endpoint e) {
        route(HttpMethod.PUT, path, e);
    }

    void delete(String path, Endpoint e) {
        route(HttpMethod.DELETE, path, e);
    }

    void route(HttpMethod method, String path, Endpoint e) {
        router.route(method, BASE + path).handler(bodies).handler(ctx -> {
            Req r = request(ctx);
            if (r == null) {
                return;
            }
            node.vertx().executeBlocking(() -> e.handle(r), false).onComplete(ar -> {
                if (ar.succeeded()) {
                    send(ctx, ar.result());
                } else {
                    ApiErrors.respond(ctx, ar.cause());
                }
            });
        });
    }

    void getAsync(String path, AsyncEndpoint e) {
        router.route(HttpMethod.GET, BASE + path).handler(ctx -> {
            Req r = request(ctx);
            if (r == null) {
                return;
            }
            Future<JsonObject> f;
            try {
                f = e.handle(r);
            } catch (RuntimeException ex) {
                ApiErrors.respond(ctx, ex);
                return;
            }
            f.onComplete(ar -> {
                if (ar.succeeded()) {
                    send(ctx, ar.result());
                } else {
                    ApiErrors.respond(ctx, ar.cause());
                }
            });
        });
    }

    /** Mounts a raw handler (the OpenAPI document). */
    void raw(HttpMethod method, String path, io.vertx.core.Handler<RoutingContext> h) {
        router.route(method, BASE + path).handler(h);
    }

    private static Req request(RoutingContext ctx) {
        try {
            return Req.of(ctx);
        } catch (RuntimeException e) {
            ApiErrors.respond(ctx, e);
            return null;
        }
    }

    private static void send(RoutingContext ctx, Object result) {
        if (ctx.response().ended()) {
            return;
        }
        int status = 200;
        JsonObject body;
        if (result instanceof Reply reply) {
            status = reply.status();
            body = reply.body();
        } else {
            body = (JsonObject) result;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        Object v = body.getValue("version");
        if (v instanceof Number n) {
            ctx.response().putHeader("ETag", "\"" + n.longValue() + "\"");
        }
        ctx.response().end(body.encodePrettily());
    }
}
