package io.ccsfront.node.admin;

import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.testing.FreePorts;
import io.ccsfront.node.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A node with the admin API on free ports, and a small HTTP client for its admin listener. */
final class AdminTestNode implements AutoCloseable {

    static final String TOKEN = "test-admin-token-0123456789";

    final FrontendNode node;
    final int httpsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminTestNode(FrontendNode node, int httpsPort) {
        this.node = node;
        this.httpsPort = httpsPort;
    }

    static AdminTestNode start(Path dataDir, Map<String, String> extra) {
        int port = FreePorts.next();
        Map<String, String> m = new HashMap<>();
        m.put("listeners.https", "0.0.0.0:" + port);
        m.put("admin.token", TOKEN);
        m.put("tls.engine", "jdk");
        m.putAll(extra);
        FrontendNode n = new FrontendNode(TestNodes.config(dataDir, m), Clock.systemUTC())
                .withAdminApi(AdminApi::install)
                .start(x -> req -> req.response().end("ok"));
        return new AdminTestNode(n, port);
    }

    String base() {
        return "http://127.0.0.1:" + node.adminPort();
    }

    long version() {
        return node.configService().current().version();
    }

    Response call(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        Map<String, String> h = new HashMap<>(Map.of("Authorization", "Bearer " + TOKEN));
        h.putAll(headers);
        h.forEach((k, v) -> {
            if (v != null) {
                b.header(k, v);
            }
        });
        return send(b.build());
    }

    Response call(String method, String path, String json) {
        return call(method, path, json, Map.of());
    }

    Response get(String path) {
        return call("GET", path, null);
    }

    Response send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON array's elements as strings (typed, unlike {@code JsonArray.getList()}). */
    static java.util.List<String> strings(io.vertx.core.json.JsonArray a) {
        return a.stream().map(String::valueOf).toList();
    }

    record Response(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
