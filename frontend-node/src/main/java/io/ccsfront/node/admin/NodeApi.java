package io.ccsfront.node.admin;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.ccsfront.node.FrontendNode;
import io.ccsfront.node.cluster.ClusterView;
import io.ccsfront.node.config.Listener;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /admin/v1/node}: this node's name, software and configuration version, certificate
 * cache statistics and listeners. {@code GET /admin/v1/cluster}: every member of the cluster
 * view with its configuration version; for this node its own {@code node} document, for the
 * others the one their admin API answers (called with the caller's token), or the error.
 */
final class NodeApi {

    private final FrontendNode node;
    private final Instant started;
    private final HttpClient client;
    private final long timeoutMs;

    NodeApi(FrontendNode node) {
        this.node = node;
        this.started = node.clock().instant();
        this.timeoutMs = node.config().duration("admin.remoteTimeout").toMillis();
        this.client = node.vertx().createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMs));
    }

    void mount(AdminApi api) {
        api.get("/node", r -> info());
        api.get("/config/hash", r -> {
            var snapshot = node.configService().current();
            return new JsonObject().put("version", snapshot.version())
                    .put("contentHash", io.ccsfront.store.ConfigCodec.contentHash(snapshot));
        });
        api.getAsync("/cluster", this::cluster);
    }

    JsonObject info() {
        CacheStats st = node.cache().stats();
        long builds = node.cache().builds();
        JsonObject cache = new JsonObject()
                .put("size", node.cache().size())
                .put("hits", st.hitCount())
                .put("misses", st.missCount())
                .put("hitRate", st.requestCount() == 0 ? 0.0 : st.hitRate())
                .put("evictions", st.evictionCount())
                .put("builds", builds)
                .put("averageBuildMicros", builds == 0 ? 0 : node.cache().buildNanos() / builds / 1000)
                .put("invalidations", node.cache().invalidations())
                .put("unusableKeys", node.cache().brokenCount());
        JsonObject listeners = new JsonObject()
                .put("https", listeners(node.settings().https(), node.httpsPorts()))
                .put("http", listeners(node.settings().http(), node.httpPorts()))
                .put("httpsEndpoints", new JsonArray(List.copyOf(node.httpsEndpoints())))
                .put("admin", self().adminUrl());
        return new JsonObject()
                .put("name", node.settings().nodeName())
                .put("softwareVersion", softwareVersion())
                .put("configVersion", node.configService().current().version())
                .put("ready", node.configService().ready())
                .put("startedAt", started.toString())
                .put("uptimeSeconds", Duration.between(started, node.clock().instant()).toSeconds())
                .put("cache", cache)
                .put("listeners", listeners);
    }

    private Future<JsonObject> cluster(Req r) {
        ClusterView view = node.clusterView();
        List<Future<JsonObject>> members = new ArrayList<>();
        for (ClusterView.Member m : view.members()) {
            JsonObject base = new JsonObject().put("name", m.name()).put("self", m.self()).put("adminUrl", m.adminUrl())
                    .put("httpsEndpoints", new JsonArray(List.copyOf(m.httpsEndpoints()))).put("configVersion", m.configVersion());
            if (m.self()) {
                members.add(Future.succeededFuture(base.put("reachable", true).put("node", info())));
            } else {
                members.add(remote(m, r.authorization()).map(n -> base.put("reachable", true).put("node", n)
                                .put("configVersion", n.getLong("configVersion", m.configVersion())))
                        .recover(t -> Future.succeededFuture(base.put("reachable", false).put("error", ApiErrors.oneLine(t.getMessage())))));
            }
        }
        return Future.all(members).map(all -> {
            JsonArray a = new JsonArray();
            members.forEach(f -> a.add(f.result()));
            return new JsonObject().put("self", view.self()).put("version", node.configService().current().version()).put("members", a);
        });
    }

    /** GET {@code <adminUrl>/admin/v1/node} on another member with the caller's token. */
    private Future<JsonObject> remote(ClusterView.Member m, String authorization) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(m.adminUrl() + AdminApi.BASE + "/node")
                .setTimeout(timeoutMs);
        if (authorization != null) {
            o.putHeader("Authorization", authorization);
        }
        return client.request(o).compose(req -> req.send()).compose(resp -> resp.body().map(body -> {
            if (resp.statusCode() != 200) {
                throw new IllegalStateException(m.adminUrl() + " answered " + resp.statusCode());
            }
            return body.toJsonObject();
        }));
    }

    private ClusterView.Member self() {
        for (ClusterView.Member m : node.clusterView().members()) {
            if (m.self()) {
                return m;
            }
        }
        throw new IllegalStateException("the cluster view does not list this node");
    }

    private static JsonArray listeners(List<Listener> configured, List<Integer> actual) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < configured.size() && i < actual.size(); i++) {
            a.add(new Listener(configured.get(i).host(), actual.get(i)).toString());
        }
        return a;
    }

    static String softwareVersion() {
        String v = FrontendNode.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
