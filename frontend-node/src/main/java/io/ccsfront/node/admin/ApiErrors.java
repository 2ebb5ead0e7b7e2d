package io.ccsfront.node.admin;

import io.ccsfront.cert.CertificateProblem;
import io.ccsfront.cert.KeyMismatchException;
import io.ccsfront.cert.KeyUnavailableException;
import io.ccsfront.cert.NoMatchingRequestException;
import io.ccsfront.cert.UnreadableCertificateException;
import io.ccsfront.cert.WrongPasswordException;
import io.ccsfront.config.ConfigException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures as JSON: {@code {"error": code, "message": one line, "field": name, "value": value}}.
 *
 * <table>
 *   <tr><td>400</td><td>{@code invalid_argument} (validation, with field and value), {@code invalid_json},
 *       {@code wrong_password}, {@code unreadable_certificate}, {@code key_mismatch},
 *       {@code no_matching_request}, {@code key_unavailable}, {@code certificate_problem}</td></tr>
 *   <tr><td>401</td><td>{@code unauthorized} (answered by {@link AdminServer})</td></tr>
 *   <tr><td>404</td><td>{@code not_found}</td></tr>
 *   <tr><td>409</td><td>{@code conflict}, {@code certificate_bound}, {@code binding_in_use}, {@code rotation_warnings}</td></tr>
 *   <tr><td>412</td><td>{@code stale_version} (with expected and actual)</td></tr>
 *   <tr><td>413</td><td>{@code payload_too_large}</td></tr>
 * </table>
 *
 * A password is never echoed as a value; unexpected failures are logged and answered 500
 * {@code internal_error} without detail.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    /** Status and body for {@code t}. */
    static ApiException map(Throwable t) {
        if (t instanceof ApiException a) {
            return a;
        }
        if (t instanceof BadInput b) {
            JsonObject extra = new JsonObject().put("field", b.field());
            if (b.value() != null && !"password".equals(b.field())) {
                extra.put("value", b.value());
            }
            return new ApiException(400, "invalid_argument", oneLine(b.getMessage()), extra);
        }
        if (t instanceof DecodeException) {
            return new ApiException(400, "invalid_json", "request body is not valid JSON: " + oneLine(t.getMessage()));
        }
        if (t instanceof WrongPasswordException) {
            return new ApiException(400, "wrong_password", oneLine(t.getMessage()), new JsonObject().put("field", "password"));
        }
        if (t instanceof UnreadableCertificateException) {
            return new ApiException(400, "unreadable_certificate", oneLine(t.getMessage()), new JsonObject().put("field", "file"));
        }
        if (t instanceof KeyMismatchException k) {
            return new ApiException(400, "key_mismatch", oneLine(t.getMessage()),
                    new JsonObject().put("field", "file").put("value", k.thumbprint().hex()));
        }
        if (t instanceof NoMatchingRequestException n) {
            return new ApiException(400, "no_matching_request", oneLine(t.getMessage()),
                    new JsonObject().put("field", "file").put("value", n.thumbprint().hex()));
        }
        if (t instanceof KeyUnavailableException k) {
            return new ApiException(400, "key_unavailable", oneLine(t.getMessage()),
                    new JsonObject().put("field", "thumbprint").put("value", k.thumbprint().hex()));
        }
        if (t instanceof CertificateProblem) {
            return new ApiException(400, "certificate_problem", oneLine(t.getMessage()));
        }
        if (t instanceof ConfigException.StaleVersion s) {
            return new ApiException(412, "stale_version", oneLine(t.getMessage()),
                    new JsonObject().put("field", "expectedVersion").put("value", Long.toString(s.expected()))
                            .put("expected", s.expected()).put("actual", s.actual()));
        }
        if (t instanceof ConfigException.NotFound) {
            return new ApiException(404, "not_found", oneLine(t.getMessage()));
        }
        if (t instanceof ConfigException) {
            return new ApiException(409, "conflict", oneLine(t.getMessage()));
        }
        if (t instanceof IllegalArgumentException) {
            return new ApiException(400, "invalid_argument", oneLine(t.getMessage()));
        }
        LOG.error("admin API request failed", t);
        return new ApiException(500, "internal_error", "internal error (see the node's log): " + t.getClass().getSimpleName());
    }

    /** Answers {@code ctx} with the failure {@code t}. */
    static void respond(RoutingContext ctx, Throwable t) {
        send(ctx, map(t));
    }

    /** The router's failure handler: body-handler statuses (413, 400) and uncaught failures. */
    static void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable t = ctx.failure();
        int sc = ctx.statusCode();
        if (t == null || sc == 413) {
            send(ctx, switch (sc) {
                case 413 -> new ApiException(413, "payload_too_large", "request body larger than admin.maxUploadBytes");
                case 404 -> new ApiException(404, "not_found", "no such admin API resource: " + ctx.request().path());
                case 405 -> new ApiException(405, "method_not_allowed", ctx.request().method() + " is not allowed on " + ctx.request().path());
                case 400 -> new ApiException(400, "bad_request", "malformed request");
                default -> new ApiException(sc >= 400 && sc <= 599 ? sc : 500, "error", "request failed with status " + sc);
            });
            return;
        }
        if (sc == 400 && !(t instanceof IllegalArgumentException)) {
            send(ctx, new ApiException(400, "bad_request", "malformed request: " + oneLine(t.getMessage())));
            return;
        }
        respond(ctx, t);
    }

    static void send(RoutingContext ctx, ApiException e) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject body = new JsonObject().put("error", e.code()).put("message", e.getMessage());
        body.mergeIn(e.extra());
        ctx.response().setStatusCode(e.status()).putHeader("Content-Type", "application/json").end(body.encode());
    }

    static String oneLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
