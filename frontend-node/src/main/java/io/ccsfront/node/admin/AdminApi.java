package io.ccsfront.node.admin;

import io.ccsfront.node.admin.console.ConsoleRoutes;
import io.ccsfront.selection.Selector;
import io.vertx.core.Future;
import io.vertx.core.Handler;
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
 * <p>It takes what it uses as one {@link AdminServices} record, which the node builds:
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
        Object handle(ApiRequest r) throws Exception;
    }

    /** A resource handler that completes asynchronously on the event loop (calls to other members). */
    @FunctionalInterface
    interface AsyncEndpoint {
        Future<JsonObject> handle(ApiRequest r);
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

    private final AdminServices services;
    private final Router router;
    private final Bodies bodies;

    private AdminApi(AdminServices services) {
        this.services = services;
        this.router = services.server().router();
        this.bodies = new Bodies(services.settings().maxUploadBytes());
    }

    /** Mounts the API on the admin listener of {@code services} and starts the audit log. */
    public static void install(AdminServices services) {
        AdminApi api = new AdminApi(services);
        services.server().identities(Tokens.read(services.settings().tokensFile()));
        Path dataDir = services.settings().dataDir();
        AuditLog audit = AuditLog.open(dataDir.resolve("audit.log"), services.settings().nodeName());
        services.changes().subscribe(audit);
        Commits commits = new Commits(services.configService());
        api.router.route(BASE + "/*").handler(api::awaitMinVersion);
        new CertificatesApi(services, commits, audit).mount(api);
        new CertificateRequestsApi(services, commits).mount(api);
        new SslBindingsApi(commits).mount(api);
        new CcsApi(services, commits).mount(api);
        new SitesApi(commits).mount(api);
        new DiagnosticsApi(services).mount(api);
        new RotateApi(services, commits).mount(api);
        new NodeApi(services).mount(api);
        new AuditApi(audit).mount(api);
        new ServingApi(services.configService()::current, new Selector(services.settings().fallThroughUnusable()),
                services.cache().health()).mount(api);
        new WorkersApi(services.configService()::current, services.workers()).mount(api);
        new OpenApi().mount(api);
        mountConsole(services);
        api.router.route(BASE + "/*").failureHandler(ApiErrors::failure);
        api.router.route(BASE + "/*").last().handler(ctx -> ApiErrors.send(ctx,
                new ApiException(404, "not_found", "no such admin API resource: " + ctx.request().method() + " " + ctx.request().path())));
        LOG.info("admin API mounted at {} (audit log {})", BASE, dataDir.resolve("audit.log"));
    }

    /** The web console at /console/ on the same listener, token and audit (package {@code console}). */
    private static void mountConsole(AdminServices services) {
        AdminServer admin = services.server();
        AdminSettings s = services.settings();
        ConsoleRoutes console = ConsoleRoutes.mount(admin.router(), new ConsoleRoutes.Services(services.vertx(), services.clock(),
                admin::identity, () -> services.configService().current().version(), admin.tls(), s.port(),
                ConsoleRoutes.url(admin.tls(), s.host(), s.port()), s.tokenSource()));
        services.configService().addListener((before, after, rec) -> console.changed(after.version()));
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
        if (services.configService().current().version() >= want) {
            ctx.next();
            return;
        }
        long target = want;
        ctx.request().pause(); // the body stays unread until the body handler runs after the wait
        long waitMs = services.settings().minVersionWait().toMillis();
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        services.vertx().setPeriodic(5, id -> {
            long have = services.configService().current().version();
            if (have >= target) {
                services.vertx().cancelTimer(id);
                ctx.next();
            } else if (System.nanoTime() > deadline || ctx.response().closed()) {
                services.vertx().cancelTimer(id);
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
            ApiRequest r = request(ctx);
            if (r == null) {
                return;
            }
            services.vertx().executeBlocking(() -> e.handle(r), false).onComplete(ar -> {
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
            ApiRequest r = request(ctx);
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
    void raw(HttpMethod method, String path, Handler<RoutingContext> h) {
        router.route(method, BASE + path).handler(h);
    }

    private static ApiRequest request(RoutingContext ctx) {
        try {
            return ApiRequest.of(ctx);
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
