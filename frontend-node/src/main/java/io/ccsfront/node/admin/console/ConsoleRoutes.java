package io.ccsfront.node.admin.console;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console at {@code /console/} on the admin listener: static files from the jar, sign-in
 * with an admin token, and the cookie side of the admin API's authentication.
 *
 * <ul>
 *   <li>{@code POST /console/api/session {"token"}} (JSON only) checks the token as the API does
 *       and answers an {@code HttpOnly}, {@code SameSite=Strict} (and {@code Secure} on HTTPS)
 *       session cookie plus the session's CSRF token; {@code GET} answers the same for a live
 *       cookie (the page keeps the CSRF token in memory only); {@code DELETE} signs out.</li>
 *   <li>{@code /admin/*} with the cookie and no {@code Authorization} header is served as the
 *       session's identity; every change (any method but GET/HEAD/OPTIONS) must carry
 *       {@code X-CSRF-Token} and come from the console's own origin, else 403 and nothing
 *       changes. Requests with a bearer token ({@code ccsctl}, scripts) never use the cookie and
 *       need no CSRF token: a browser cannot be made to send that header cross-site.</li>
 *   <li>{@code GET /console/api/events}: server-sent events with the configuration version.</li>
 * </ul>
 * Every console response carries {@link SecurityHeaders#CONSOLE_CSP}; admin API responses get
 * {@code no-store} and {@code nosniff}. The cookie's name carries the admin port, so consoles of
 * several nodes on one host keep separate sessions.
 */
public final class ConsoleRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);

    /** Where the console is served. */
    public static final String PATH = "/console/";
    /** The header that carries the session's CSRF token on every change. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /**
     * What the console uses: {@code identities} maps a presented admin token to its identity name
     * (null when refused), {@code configVersion} is this node's applied version, {@code tls} whether
     * the admin listener is HTTPS, {@code url} the console's address ({@link #url}) and {@code tokenSource}
     * where the node's admin token is kept (for the start-up line; never the token).
     */
    public record Services(Vertx vertx, Clock clock, Function<String, String> identities, LongSupplier configVersion,
                           boolean tls, int adminPort, String url, String tokenSource) {
        public Services {
            Objects.requireNonNull(vertx, "vertx");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(identities, "identities");
            Objects.requireNonNull(configVersion, "configVersion");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(tokenSource, "tokenSource");
        }
    }

    private final Services services;
    private final ConsoleSessions sessions;
    private final EventStreams events;
    private final StaticFiles files = new StaticFiles();
    private final String cookieName;

    private ConsoleRoutes(Services services) {
        this.services = services;
        this.sessions = new ConsoleSessions(services.clock());
        this.events = new EventStreams(services.vertx(), services.configVersion(), sessions::live);
        this.cookieName = (services.tls() ? "__Host-" : "") + "ccsfront-console-" + services.adminPort();
    }

    /** Mounts the console and the cookie authentication on the admin listener's router; says where it is. */
    public static ConsoleRoutes mount(Router router, Services services) {
        ConsoleRoutes c = new ConsoleRoutes(services);
        router.route("/admin/*").order(-3).handler(ctx -> {
            SecurityHeaders.api(ctx.response().headers(), services.tls());
            ctx.next();
        });
        router.route("/admin/*").order(-2).handler(c::cookieAuthentication);
        router.routeWithRegex("/console(/.*)?").handler(ctx -> {
            SecurityHeaders.console(ctx.response().headers(), services.tls());
            ctx.next();
        });
        router.get("/console/api/session").handler(c::session);
        router.post("/console/api/session").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(c::signIn);
        router.delete("/console/api/session").handler(c::signOut);
        router.get("/console/api/events").handler(c::events);
        router.getWithRegex("/console(/.*)?").handler(c::file);
        router.routeWithRegex("/console(/.*)?").failureHandler(ctx -> {
            int sc = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
            error(ctx, sc, sc == 413 ? "payload_too_large" : "bad_request", "request refused with status " + sc);
        });
        LOG.info("web console on {}: sign in with the admin token in {} (the node never prints it)",
                services.url(), services.tokenSource());
        return c;
    }

    /** The console's address on an admin listener bound to {@code host} (a wildcard is reached through loopback). */
    public static String url(boolean tls, String host, int port) {
        String h = switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> host;
        };
        return (tls ? "https://" : "http://") + (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + port + PATH;
    }

    /** A change was applied on this node: open consoles hear the new version. */
    public void changed(long version) {
        events.changed(version);
    }

    String cookieName() {
        return cookieName;
    }

    private void cookieAuthentication(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        if (req.getHeader("Authorization") != null) {
            ctx.next(); // a bearer client: the cookie plays no part
            return;
        }
        ConsoleSessions.Session s = sessions.find(cookie(ctx));
        if (s == null) {
            ctx.next(); // no session: the token check answers 401
            return;
        }
        if (!SAFE.contains(req.method()) && !changeAllowed(ctx, s)) {
            return;
        }
        req.headers().set("Authorization", "Bearer " + s.token);
        ctx.next();
    }

    /** A change by cookie needs the session's CSRF token and the console's own origin; answers 403 otherwise. */
    private boolean changeAllowed(RoutingContext ctx, ConsoleSessions.Session s) {
        String crossSite = crossSite(ctx.request());
        if (crossSite != null) {
            error(ctx, 403, "cross_origin", "a change from another origin is refused: " + crossSite);
            return false;
        }
        String presented = ctx.request().getHeader(CSRF_HEADER);
        if (presented == null || presented.isEmpty()) {
            error(ctx, 403, "csrf_token_missing", "a change made with the console's session cookie needs the "
                    + CSRF_HEADER + " header; nothing changed");
            return false;
        }
        if (!s.csrfMatches(presented)) {
            error(ctx, 403, "csrf_token_invalid", CSRF_HEADER + " does not match this session; nothing changed");
            return false;
        }
        return true;
    }

    /** Why the request comes from another site (Sec-Fetch-Site, Origin), or null. */
    private String crossSite(HttpServerRequest req) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            return "Sec-Fetch-Site " + site;
        }
        String origin = req.getHeader("Origin");
        io.vertx.core.net.HostAndPort authority = req.authority(); // Host, or :authority over HTTP/2
        String host = authority == null ? req.getHeader("Host")
                : authority.port() < 0 ? authority.host() : authority.host() + ":" + authority.port();
        if (origin != null && !origin.equalsIgnoreCase((services.tls() ? "https://" : "http://") + host)) {
            return "Origin " + origin;
        }
        return null;
    }

    private void session(RoutingContext ctx) {
        ConsoleSessions.Session s = sessions.find(cookie(ctx));
        if (s == null) {
            error(ctx, 401, "unauthorized", "not signed in");
            return;
        }
        json(ctx, 200, describe(s));
    }

    private void signIn(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(ctx, 415, "unsupported_media_type", "sign in with a JSON body {\"token\": ...}");
            return;
        }
        String crossSite = crossSite(ctx.request());
        if (crossSite != null) {
            error(ctx, 403, "cross_origin", "sign-in from another origin is refused: " + crossSite);
            return;
        }
        String token;
        try {
            token = ctx.body().asJsonObject().getString("token");
        } catch (RuntimeException e) {
            error(ctx, 400, "invalid_json", "sign in with a JSON body {\"token\": ...}");
            return;
        }
        String actor = token == null ? null : services.identities().apply(token.strip());
        String from = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        if (actor == null) {
            LOG.warn("console sign-in refused from {}: wrong admin token", from);
            error(ctx, 401, "unauthorized", "the admin token was refused");
            return;
        }
        ConsoleSessions.Created c = sessions.create(actor, token.strip());
        LOG.info("console sign-in by {} from {}", actor, from);
        ctx.response().putHeader("Set-Cookie", cookieName + "=" + c.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (services.tls() ? "; Secure" : "") + "; Max-Age=" + ConsoleSessions.MAX_AGE.toSeconds());
        json(ctx, 200, describe(c.session()));
    }

    private void signOut(RoutingContext ctx) {
        String id = cookie(ctx);
        ConsoleSessions.Session s = sessions.find(id);
        if (s != null && !changeAllowed(ctx, s)) {
            return;
        }
        sessions.remove(id);
        if (s != null) {
            LOG.info("console sign-out by {}", s.actor);
        }
        ctx.response().putHeader("Set-Cookie", cookieName + "=; Path=/; HttpOnly; SameSite=Strict"
                + (services.tls() ? "; Secure" : "") + "; Max-Age=0").putHeader("Cache-Control", "no-store").setStatusCode(204).end();
    }

    private void events(RoutingContext ctx) {
        ConsoleSessions.Session s = sessions.find(cookie(ctx));
        if (s == null) {
            error(ctx, 401, "unauthorized", "not signed in");
        } else if (!events.open(ctx.response(), s)) {
            error(ctx, 503, "too_many_streams", "too many open event streams (" + EventStreams.MAX_STREAMS + ")");
        }
    }

    private void file(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path.equals("/console")) {
            ctx.response().setStatusCode(301).putHeader("Location", PATH).end();
        } else if (path.equals(PATH)) {
            files.serve(ctx, "index.html");
        } else {
            files.serve(ctx, path.substring(PATH.length()));
        }
    }

    private JsonObject describe(ConsoleSessions.Session s) {
        return new JsonObject().put("actor", s.actor).put("csrfToken", s.csrf).put("expiresAt", s.expiresAt().toString())
                .put("idleTimeoutSeconds", ConsoleSessions.IDLE.toSeconds());
    }

    private String cookie(RoutingContext ctx) {
        io.vertx.core.http.Cookie c = ctx.request().getCookie(cookieName);
        return c == null ? null : c.getValue();
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        HttpServerResponse r = ctx.response();
        if (r.ended()) {
            return;
        }
        JsonObject body = new JsonObject().put("error", code).put("message", message);
        if (code.startsWith("csrf")) {
            body.put("field", CSRF_HEADER);
        }
        json(ctx, status, body);
    }
}
