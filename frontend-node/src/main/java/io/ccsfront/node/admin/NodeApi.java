package io.ccsfront.node.admin;

import io.ccsfront.node.cluster.ClusterView;
import io.ccsfront.node.config.Listener;
import io.ccsfront.store.ConfigCodec;
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

    private final AdminServices services;
    private final Instant started;
    private final HttpClient client;
    private final long timeoutMs;

    NodeApi(AdminServices services) {
        this.services = services;
        this.started = services.clock().instant();
        this.timeoutMs = services.settings().remoteTimeout().toMillis();
        this.client = services.vertx().createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMs));
    }

    void mount(AdminApi api) {
        api.get("/node", r -> info());
        api.get("/config/hash", r -> {
            var snapshot = services.configService().current();
            return new JsonObject().put("version", snapshot.version())
                    .put("contentHash", ConfigCodec.contentHash(snapshot));
        });
        api.getAsync("/cluster", this::cluster);
    }

    JsonObject info() {
        CacheView.Figures st = services.cache().figures();
        JsonObject cache = new JsonObject()
                .put("size", st.size())
                .put("hits", st.hits())
                .put("misses", st.misses())
                .put("hitRate", st.hitRate())
                .put("evictions", st.evictions())
                .put("builds", st.builds())
                .put("averageBuildMicros", st.averageBuildMicros())
                .put("invalidations", st.invalidations())
                .put("unusableKeys", st.unusableKeys());
        AdminServices.Listeners bound = services.listeners();
        JsonObject listeners = new JsonObject()
                .put("https", listeners(bound.https()))
                .put("http", listeners(bound.http()))
                .put("httpsEndpoints", new JsonArray(bound.httpsEndpoints()))
                .put("admin", self().adminUrl());
        return new JsonObject()
                .put("name", services.settings().nodeName())
                .put("softwareVersion", softwareVersion())
                .put("configVersion", services.configService().current().version())
                .put("ready", services.configService().ready())
                .put("startedAt", started.toString())
                .put("uptimeSeconds", Duration.between(started, services.clock().instant()).toSeconds())
                .put("cache", cache)
                .put("listeners", listeners);
    }

    private Future<JsonObject> cluster(ApiRequest r) {
        ClusterView view = services.clusterView();
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
            return new JsonObject().put("self", view.self()).put("version", services.configService().current().version()).put("members", a);
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
        for (ClusterView.Member m : services.clusterView().members()) {
            if (m.self()) {
                return m;
            }
        }
        throw new IllegalStateException("the cluster view does not list this node");
    }

    private static JsonArray listeners(List<Listener> bound) {
        JsonArray a = new JsonArray();
        bound.forEach(l -> a.add(l.toString()));
        return a;
    }

    static String softwareVersion() {
        String v = NodeApi.class.getPackage().getImplementationVersion(); // the node jar's manifest
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
