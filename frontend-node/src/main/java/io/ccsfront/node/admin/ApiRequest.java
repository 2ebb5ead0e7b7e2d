package io.ccsfront.node.admin;

import io.ccsfront.node.state.ConfigService;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.Locale;

/**
 * One admin request as the resource handlers see it: path and query parameters, body fields
 * (JSON, or form fields of a multipart request, or query parameters), uploaded files, the
 * authenticated actor and the expected configuration version. Read on the event loop, then
 * handed to a worker thread: it holds copies, never the live request.
 */
final class ApiRequest {

    private final MultiMap path;
    private final MultiMap query;
    private final MultiMap form;
    private final JsonObject json;
    private final Bodies.Uploads uploads;
    private final String actor;
    private final String ifMatch;
    private final String authorization;

    private ApiRequest(RoutingContext ctx) {
        this.path = MultiMap.caseInsensitiveMultiMap().addAll(ctx.pathParams());
        this.query = MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams());
        this.uploads = ctx.get(Bodies.UPLOADS);
        this.form = uploads != null ? MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().formAttributes()) : null;
        JsonObject j = null;
        if (uploads == null && ctx.body() != null && ctx.body().length() > 0) {
            j = ctx.body().asJsonObject();
        }
        this.json = j == null ? new JsonObject() : j;
        String who = ctx.get(AdminServer.ACTOR);
        this.actor = who == null ? "admin" : who;
        this.ifMatch = ctx.request().getHeader("If-Match");
        this.authorization = ctx.request().getHeader("Authorization");
    }

    static ApiRequest of(RoutingContext ctx) {
        return new ApiRequest(ctx);
    }

    /** A path parameter (URL-decoded). */
    String path(String name) {
        return path.get(name);
    }

    /** A body field (JSON or multipart form), else a query parameter; null when absent. */
    String field(String name) {
        Object v = json.getValue(name);
        if (v != null) {
            return v.toString();
        }
        if (form != null && form.get(name) != null) {
            return form.get(name);
        }
        return query.get(name);
    }

    /** A boolean field or query parameter: true, false, 1, 0, yes, no; absent is {@code dflt}. */
    boolean flag(String name, boolean dflt) {
        String v = field(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return BadInput.parse(name, v, s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false: " + s);
        });
    }

    /** The JSON body (empty when there was none or the request was multipart). */
    JsonObject json() {
        return json;
    }

    /**
     * An uploaded file: the multipart part {@code name}, or the JSON field {@code name} as base64.
     * Null when absent.
     */
    byte[] file(String name) {
        if (uploads != null) {
            return uploads.files().get(name);
        }
        String b64 = json.getString(name);
        if (b64 == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new BadInput(name, null, name + " must be the file's content in base64: " + e.getMessage());
        }
    }

    /** The client's name for an uploaded file (multipart file name, or the JSON field {@code fileName}), or null. */
    String fileName(String name) {
        if (uploads != null) {
            return uploads.fileNames().get(name);
        }
        return json.getString("fileName");
    }

    /** The password field as characters (empty when absent); never logged or echoed. */
    char[] password() {
        String p = field("password");
        return p == null ? new char[0] : p.toCharArray();
    }

    String actor() {
        return actor;
    }

    /** The {@code Authorization} header as presented (forwarded to other members by cluster status). */
    String authorization() {
        return authorization;
    }

    /**
     * The version the client computed its change from: {@code If-Match: <version>} (quotes and a
     * weak prefix allowed), else the field {@code expectedVersion}; {@link ConfigService#ANY_VERSION}
     * when neither is given.
     */
    long expectedVersion() {
        String v = ifMatch;
        String field = "If-Match";
        if (v == null || v.isBlank()) {
            v = field("expectedVersion");
            field = "expectedVersion";
        }
        if (v == null || v.isBlank() || v.strip().equals("*")) {
            return ConfigService.ANY_VERSION;
        }
        String s = v.strip();
        if (s.startsWith("W/")) {
            s = s.substring(2);
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return BadInput.number(field, s, 0, Long.MAX_VALUE);
    }
}
