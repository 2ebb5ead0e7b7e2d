package io.ccsfront.node.admin;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.node.cluster.ClusterView;
import io.ccsfront.node.config.Listener;
import io.ccsfront.node.state.AppliedChanges;
import io.ccsfront.node.state.ConfigService;
import io.ccsfront.node.proxy.WorkerStatus;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the admin API uses, and nothing more: the node builds one and hands it to
 * {@link AdminApi#install}, so the API never sees the node's composition root and starts in a
 * test from these parts alone.
 *
 * @param vertx         runs the blocking handlers and the calls to other members
 * @param server        the admin listener the routes are mounted on (it checks the token first)
 * @param configService reads and commits the configuration
 * @param protector     seals imported keys, opens them for export
 * @param clock         judges validity and expiry
 * @param cache         the certificate cache, read only: its figures and the keys that failed to load
 * @param clusterView   the members of the cluster (this node alone when standalone)
 * @param listeners     this node's bound client listeners
 * @param settings      the admin API's options
 * @param changes       the applied configuration changes with the certificates each touched (the audit log's input)
 * @param workers       a web worker's health as this node's proxy sees it (null: unknown, or no proxy)
 */
public record AdminServices(Vertx vertx, AdminServer server, ConfigService configService, KeyProtector protector, Clock clock,
                            CacheView cache, ClusterView clusterView, Listeners listeners, AdminSettings settings,
                            AppliedChanges changes, Function<URI, WorkerStatus> workers) {

    public AdminServices {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(configService, "configService");
        Objects.requireNonNull(protector, "protector");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(clusterView, "clusterView");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(workers, "workers");
    }

    /**
     * The client listeners as bound (a configured port 0 shows the port it got), and the
     * {@code host:port} endpoints a client probes this node's HTTPS on.
     */
    public record Listeners(List<Listener> https, List<Listener> http, List<String> httpsEndpoints) {
        public Listeners {
            https = List.copyOf(https);
            http = List.copyOf(http);
            httpsEndpoints = List.copyOf(httpsEndpoints);
        }
    }
}
