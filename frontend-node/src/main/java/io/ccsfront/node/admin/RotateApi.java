package io.ccsfront.node.admin;

import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigChange;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Selector;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST /admin/v1/rotate {"from": OLD, "to": NEW, "dryRun": bool, "force": bool}}. A dry run
 * lists what the rotation touches and its warnings; a real run with warnings is refused (409
 * {@code rotation_warnings}) unless {@code force}; otherwise it commits one
 * {@link ConfigChange.Rotate}: every binding and CCS entry holding OLD gets NEW in one version.
 * Proving that every node serves NEW is the client's part ({@code ccsctl rotate}), from the
 * returned {@code probes}.
 */
final class RotateApi {

    private final AdminServices services;
    private final Commits commits;
    private final Selector selector;

    RotateApi(AdminServices services, Commits commits) {
        this.services = services;
        this.commits = commits;
        this.selector = new Selector(services.settings().fallThroughUnusable());
    }

    void mount(AdminApi api) {
        api.post("/rotate", this::rotate);
    }

    private JsonObject rotate(ApiRequest r) {
        Thumbprint from = BadInput.parse("from", r.field("from"), Thumbprint::parse);
        Thumbprint to = BadInput.parse("to", r.field("to"), Thumbprint::parse);
        if (from.equals(to)) {
            throw new BadInput("to", to.hex(), "rotation needs two different certificates: " + to);
        }
        boolean force = r.flag("force", false);
        if (r.flag("dryRun", false)) {
            ConfigSnapshot s = commits.checked(r);
            RotationPlan plan = plan(s, from, to);
            return plan.json().put("dryRun", true).put("version", s.version());
        }
        RotationPlan[] plan = new RotationPlan[1];
        ChangeRecord rec = commits.commit(r, s -> {
            plan[0] = plan(s, from, to);
            if (plan[0].hasWarnings() && !force) {
                throw new ApiException(409, "rotation_warnings", "rotation " + from + " -> " + to + " has "
                        + plan[0].json().getJsonArray("warnings").size() + " warning(s); review them with a dry run, then repeat with force",
                        plan[0].json().put("field", "to").put("value", to.hex()));
            }
            return new ConfigChange.Rotate(from, plan[0].to());
        });
        return plan[0].json().put("dryRun", false).put("version", rec.version());
    }

    private RotationPlan plan(ConfigSnapshot s, Thumbprint from, Thumbprint to) {
        return RotationPlan.of(s, from, to, selector, services.cache().health(), services.clock());
    }
}
