package io.ccsfront.node.admin;

import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Selector;
import io.ccsfront.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code GET /admin/v1/serving}: for every https site binding, the certificate its handshakes get
 * today (the selection of an IPv4 client sending the binding's host as SNI, or none for an empty
 * host) — level, the SSL binding or CCS entry that decided, thumbprint — and whether it covers the
 * host. What IIS Manager never showed: which sites each certificate serves.
 */
final class ServingApi {

    private final Supplier<ConfigSnapshot> snapshots;
    private final Selector selector;
    private final CertificateHealth health;

    ServingApi(Supplier<ConfigSnapshot> snapshots, Selector selector, CertificateHealth health) {
        this.snapshots = snapshots;
        this.selector = selector;
        this.health = health;
    }

    void mount(AdminApi api) {
        api.get("/serving", r -> list());
    }

    private JsonObject list() {
        ConfigSnapshot s = snapshots.get();
        JsonArray a = new JsonArray();
        for (Site site : s.sites()) {
            for (SiteBinding sb : site.bindings()) {
                if (sb.isHttps()) {
                    a.add(served(s, site, sb));
                }
            }
        }
        return new JsonObject().put("version", s.version()).put("siteBindings", a);
    }

    private JsonObject served(ConfigSnapshot s, Site site, SiteBinding sb) {
        String sni = sb.host().isEmpty() ? null : sb.host();
        Decision d = selector.select(s, sb.address(), sb.port(), sni, health);
        JsonObject o = new JsonObject().put("site", site.name()).put("binding", sb.protocol().text() + "/" + sb.bindingInformation())
                .put("ip", sb.address() == null ? "*" : IpAddresses.format(sb.address())).put("port", sb.port()).put("host", sb.host())
                .put("sslFlags", sb.sslFlags()).put("outcome", d.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .put("level", d.level() == null ? null : d.level().number())
                .put("levelName", d.level() == null ? null : d.level().title())
                .put("source", d.binding() != null ? d.binding().key().toString() : d.ccsKey() != null ? "CCS " + d.ccsKey() : null);
        if (d.certificate() != null) {
            o.put("thumbprint", d.certificate().thumbprint().hex()).put("certificate", d.certificate().summary().label())
                    .put("covers", sni == null || d.certificate().summary().covers(sni));
        }
        return o;
    }
}
