package io.ccsfront.node.admin;

import io.ccsfront.binding.AppcmdCodec;
import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.NetshCodec;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/** SSL bindings, site bindings and sites as JSON, in the netsh and appcmd vocabulary. */
final class ConfigJson {

    private ConfigJson() {
    }

    /**
     * An SSL binding: its key, the netsh words ({@code ipport}, {@code certhash}, {@code appid},
     * {@code certstorename}, TLS options), the {@code netsh http add sslcert} line that recreates
     * it, and a label of the certificate it names (when the store holds it).
     */
    static JsonObject sslBinding(SslBinding b, ConfigSnapshot s) {
        JsonObject o = new JsonObject().put("key", b.key().toString()).put("kind", b.key().kind().netsh());
        if (b instanceof IpPortBinding ip) {
            o.put("ipport", ip.ipPort().toString());
        } else if (b instanceof HostnamePortBinding h) {
            o.put("hostnameport", h.hostname() + ":" + h.port());
        } else if (b instanceof CcsBinding c) {
            o.put("ccs", c.port());
        }
        o.put("port", b.port());
        if (b.certHash() != null) {
            o.put("certhash", b.certHash().hex()).put("certstorename", b.certStoreName());
            StoredCertificate c = s.certificate(b.certStoreName(), b.certHash());
            o.put("certificate", c == null ? null : c.summary().label());
        }
        o.put("appid", b.appId());
        o.put("mintlsversion", b.tls().minVersion().text())
                .put("clientcertnegotiation", b.tls().negotiateClientCertificate())
                .put("http2", b.tls().http2());
        o.put("netsh", NetshCodec.toAddCommand(b));
        return o;
    }

    static JsonObject siteBinding(SiteBinding b) {
        return new JsonObject()
                .put("protocol", b.protocol().text())
                .put("bindingInformation", b.bindingInformation())
                .put("sslFlags", b.sslFlags())
                .put("sni", b.sni())
                .put("ccs", b.ccs())
                .put("binding", AppcmdCodec.toShortForm(b))
                .put("appcmd", AppcmdCodec.toLongForm(b));
    }

    static JsonObject site(Site site) {
        JsonArray bindings = new JsonArray();
        site.bindings().forEach(b -> bindings.add(siteBinding(b)));
        JsonArray workers = new JsonArray();
        for (URI w : site.workers()) {
            workers.add(w.toString());
        }
        return new JsonObject().put("name", site.name()).put("id", site.id()).put("bindings", bindings).put("workers", workers);
    }
}
