package io.ccsfront.node.admin;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies up to {@code admin.maxUploadBytes} (larger: 413). JSON and other bodies go
 * through Vert.x's {@link BodyHandler}; {@code multipart/form-data} is read here, files kept in
 * memory, because Vert.x would stream uploads into a folder on disk and a certificate file with
 * its private key must not be written anywhere unencrypted or left behind.
 */
final class Bodies implements Handler<RoutingContext> {

    /** Routing-context key of the {@link Uploads} of a multipart request. */
    static final String UPLOADS = "ccsfront.uploads";

    private final long limit;
    private final BodyHandler plain;

    Bodies(long limit) {
        this.limit = limit;
        this.plain = BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false);
    }

    /** The files of a multipart request by form field name, with the client's file names. */
    record Uploads(Map<String, byte[]> files, Map<String, String> fileNames) {
        Uploads {
            files = Map.copyOf(files);
            fileNames = Map.copyOf(fileNames);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String type = req.getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            plain.handle(ctx);
            return;
        }
        String length = req.getHeader("Content-Length");
        if (length != null && parseLong(length) > limit) {
            ctx.fail(413);
            return;
        }
        Map<String, Buffer> files = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        long[] received = {0};
        boolean[] failed = {false};
        req.setExpectMultipart(true);
        req.uploadHandler(upload -> {
            Buffer b = Buffer.buffer();
            files.put(upload.name(), b);
            names.put(upload.name(), upload.filename());
            upload.handler(chunk -> {
                if (!failed[0]) {
                    b.appendBuffer(chunk);
                }
            });
        });
        req.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit && !failed[0]) {
                failed[0] = true;
                ctx.fail(413);
            }
        });
        req.exceptionHandler(t -> {
            if (!failed[0]) {
                failed[0] = true;
                ctx.fail(400, t);
            }
        });
        req.endHandler(v -> {
            if (failed[0]) {
                return;
            }
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            files.forEach((k, b) -> bytes.put(k, b.getBytes()));
            ctx.put(UPLOADS, new Uploads(bytes, names));
            ctx.next();
        });
        req.resume();
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
