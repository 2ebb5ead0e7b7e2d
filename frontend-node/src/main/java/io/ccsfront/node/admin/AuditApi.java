package io.ccsfront.node.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code GET /admin/v1/audit?limit=N}: the last N audit log entries, oldest first (default 100). */
final class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    void mount(AdminApi api) {
        api.get("/audit", this::list);
    }

    private JsonObject list(ApiRequest r) {
        String l = r.field("limit");
        int limit = l == null ? 100 : (int) BadInput.number("limit", l, 1, 100_000);
        return new JsonObject().put("entries", new JsonArray(List.copyOf(audit.tail(limit))));
    }
}
