package io.ccsfront.node.admin;

import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.Ports;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.doctor.Doctor;
import io.ccsfront.doctor.Finding;
import io.ccsfront.doctor.Severity;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.LevelTrace;
import io.ccsfront.selection.Selector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /admin/v1/explain?ip=&port=&sni=}: the certificate a handshake to ip:port with that SNI
 * gets, and every selection level's verdict. {@code GET /admin/v1/doctor?expiringWithin=DAYS}: the
 * findings over the current configuration. Both see the keys this node failed to load.
 */
final class DiagnosticsApi {

    private final AdminServices services;
    private final Selector selector;

    DiagnosticsApi(AdminServices services) {
        this.services = services;
        this.selector = new Selector(services.settings().fallThroughUnusable());
    }

    void mount(AdminApi api) {
        api.get("/explain", this::explain);
        api.get("/doctor", this::doctor);
    }

    private JsonObject explain(ApiRequest r) {
        InetAddress ip = BadInput.parse("ip", r.field("ip"), v -> IpAddresses.parse(v, "ip"));
        int port = BadInput.parse("port", r.field("port"), v -> Ports.parse(v, "port"));
        String sni = r.field("sni");
        ConfigSnapshot s = services.configService().current();
        Decision d = selector.explain(s, ip, port, sni == null || sni.isBlank() ? null : sni.strip(), services.cache().health());
        return decision(d).put("version", s.version()).put("ip", IpAddresses.format(ip)).put("port", port);
    }

    private JsonObject doctor(ApiRequest r) {
        String w = r.field("expiringWithin");
        Duration within = Duration.ofDays(w == null ? 30 : BadInput.number("expiringWithin", w, 0, 36_500));
        ConfigSnapshot s = services.configService().current();
        List<Finding> findings = Doctor.examine(s, selector, services.clock(), within, services.cache().health());
        JsonArray a = new JsonArray();
        int[] counts = new int[Severity.values().length];
        for (Finding f : findings) {
            counts[f.severity().ordinal()]++;
            a.add(new JsonObject().put("severity", f.severity().name()).put("code", f.code().name()).put("site", f.site())
                    .put("binding", f.binding()).put("thumbprint", f.thumbprint()).put("hostname", f.hostname())
                    .put("message", f.message()).put("fix", f.fix()).put("text", f.describe()));
        }
        return new JsonObject().put("version", s.version()).put("expiringWithinDays", within.toDays())
                .put("errors", counts[Severity.ERROR.ordinal()]).put("warnings", counts[Severity.WARNING.ordinal()])
                .put("infos", counts[Severity.INFO.ordinal()]).put("findings", a);
    }

    static JsonObject decision(Decision d) {
        JsonArray trace = new JsonArray();
        for (LevelTrace t : d.trace()) {
            trace.add(new JsonObject().put("level", t.level().number()).put("name", t.level().title()).put("tag", t.level().tag())
                    .put("result", t.result().name().toLowerCase(Locale.ROOT).replace('_', ' ')).put("detail", t.detail()));
        }
        JsonObject o = new JsonObject()
                .put("outcome", d.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .put("selected", d.selected())
                .put("sni", d.sni())
                .put("sniStatus", d.sniStatus().name().toLowerCase(Locale.ROOT))
                .put("level", d.level() == null ? null : d.level().number())
                .put("levelName", d.level() == null ? null : d.level().title())
                .put("binding", d.binding() == null ? null : d.binding().key().toString())
                .put("ccsKey", d.ccsKey())
                .put("thumbprint", d.certificate() == null ? null : d.certificate().thumbprint().hex())
                .put("certificate", d.certificate() == null ? null : d.certificate().summary().label())
                .put("alert", d.alert() == null ? null : d.alert().text())
                .put("problem", d.problem())
                .put("trace", trace)
                .put("text", d.describe());
        return o;
    }
}
