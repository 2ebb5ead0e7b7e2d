package io.ccsfront.node.admin.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files, served from the jar ({@code io/ccsfront/node/admin/console/web/}) and
 * kept in memory once read. Only names of lower-case letters, digits and dashes with a known
 * extension, at most one folder deep, are looked up: nothing else on the classpath is reachable.
 * {@code ETag} plus {@code Cache-Control: no-cache}, so a browser revalidates and an upgraded
 * node's files are used at once.
 */
final class StaticFiles {

    static final String ROOT = "io/ccsfront/node/admin/console/web/";
    static final Pattern NAME = Pattern.compile("(?:[a-z0-9-]+/)?[a-z0-9-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private record File(Buffer bytes, String type, String etag) {
    }

    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /** Answers {@code name} (relative to the console root), or 404. */
    void serve(RoutingContext ctx, String name) {
        File f = name != null && NAME.matcher(name).matches() ? cache.computeIfAbsent(name, StaticFiles::load) : null;
        if (f == null || f.bytes == null) {
            ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("not found\n");
            return;
        }
        ctx.response().putHeader("ETag", f.etag).putHeader("Cache-Control", "no-cache");
        if (f.etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", f.type).end(f.bytes);
    }

    private static File load(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return new File(null, null, null); // remembered as absent: the jar does not change
            }
            byte[] b = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 12) + "\"";
            return new File(Buffer.buffer(b), TYPES.get(ext), etag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + name + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
