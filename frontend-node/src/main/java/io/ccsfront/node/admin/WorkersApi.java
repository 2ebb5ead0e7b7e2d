package io.ccsfront.node.admin;

import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.node.proxy.WorkerStatus;
import io.ccsfront.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code GET /admin/v1/workers}: every site's web workers with their health on this node —
 * {@code healthy}, {@code ejected} (with the streak of connect failures), {@code not used} (no
 * request routed to it here yet), or {@code unknown} (this node runs no proxy).
 */
final class WorkersApi {

    private final Supplier<ConfigSnapshot> snapshots;
    private final Function<URI, WorkerStatus> status;

    WorkersApi(Supplier<ConfigSnapshot> snapshots, Function<URI, WorkerStatus> status) {
        this.snapshots = snapshots;
        this.status = status;
    }

    void mount(AdminApi api) {
        api.get("/workers", r -> list());
    }

    private JsonObject list() {
        ConfigSnapshot s = snapshots.get();
        JsonArray a = new JsonArray();
        for (Site site : s.sites()) {
            for (URI w : site.workers()) {
                WorkerStatus st = status.apply(w);
                a.add(new JsonObject().put("site", site.name()).put("url", w.toString())
                        .put("state", st == null ? "unknown" : st.state().text())
                        .put("consecutiveFailures", st == null ? 0 : st.consecutiveFailures()));
            }
        }
        return new JsonObject().put("version", s.version()).put("workers", a);
    }
}
