package io.ccsfront.node.admin;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.CertificateSummary;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ConfigException;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Selector;
import io.ccsfront.site.Site;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What rotating OLD to NEW touches, computed from one snapshot: the SSL bindings and CCS entries
 * holding OLD, the site bindings whose handshakes get OLD today, the warnings that make a real run
 * need {@code force} (NEW expired, not yet valid, without a private key, or not covering a
 * hostname OLD covers for an affected site or entry), and the handshakes that prove the rotation
 * on each node afterwards ({@code probes}: connect to {@code ip} — or, when
 * {@code viaMemberEndpoint}, to the member's HTTPS endpoint; {@code ip} {@code 0.0.0.0} or {@code ::}
 * then says which wildcard — on {@code port}, sending {@code sni} when not null).
 */
final class RotationPlan {

    private final JsonArray bindings = new JsonArray();
    private final JsonArray ccsKeys = new JsonArray();
    private final JsonArray sites = new JsonArray();
    private final JsonArray warnings = new JsonArray();
    private final JsonArray probes = new JsonArray();
    private final StoredCertificate to;
    private final Thumbprint from;

    private RotationPlan(Thumbprint from, StoredCertificate to) {
        this.from = from;
        this.to = to;
    }

    static RotationPlan of(ConfigSnapshot s, Thumbprint from, Thumbprint toThumbprint, Selector selector,
                           CertificateHealth health, Clock clock) {
        StoredCertificate to = s.findCertificate(toThumbprint);
        if (to == null) {
            throw new ConfigException.NotFound("certificate " + toThumbprint + " not found in any store or the CCS (import it first)");
        }
        List<SslBinding> bound = s.bindingsUsing(from);
        List<String> keys = s.ccsKeysUsing(from);
        if (bound.isEmpty() && keys.isEmpty()) {
            throw new ConfigException.NotFound("no SSL binding or CCS entry holds certificate " + from);
        }
        StoredCertificate old = s.findCertificate(from);
        CertificateSummary oldNames = old == null ? null : old.summary();
        RotationPlan p = new RotationPlan(from, to);
        p.checkCertificate(clock);
        for (SslBinding b : bound) {
            p.bindings.add(new JsonObject().put("key", b.key().toString()).put("certstorename", b.certStoreName()));
            if (b instanceof IpPortBinding ip) {
                IpPort a = ip.ipPort();
                String ipText = IpAddresses.format(a.address()).replace("[", "").replace("]", "");
                p.probe(b.key().toString(), ipText, a.isWildcard(), a.port(), null);
            } else if (b instanceof HostnamePortBinding h) {
                p.probe(b.key().toString(), null, true, h.port(), h.hostname());
                p.covers(oldNames, h.hostname(), "SSL binding " + b.key());
            }
        }
        List<Integer> ccsPorts = s.bindings().stream().filter(b -> b instanceof CcsBinding).map(SslBinding::port).toList();
        for (String k : keys) {
            p.ccsKeys.add(k);
            String name = CcsApi.probeName(k);
            p.covers(oldNames, name, "CCS entry " + k);
            for (int port : ccsPorts) {
                p.probe("CCS " + k + " on ccs=" + port, null, true, port, name);
            }
        }
        for (Site site : s.sites()) {
            for (SiteBinding sb : site.bindings()) {
                if (sb.isHttps() && p.affects(s, sb, selector, health)) {
                    String text = sb.protocol().text() + "/" + sb.bindingInformation();
                    p.sites.add(new JsonObject().put("site", site.name()).put("binding", text));
                    if (!sb.host().isEmpty()) {
                        p.covers(oldNames, sb.host(), "site " + site.name() + " (" + text + ")");
                    }
                }
            }
        }
        return p;
    }

    /** Whether this site binding's handshake (IPv4, and IPv6 where a [::] binding exists) gets OLD today. */
    private boolean affects(ConfigSnapshot s, SiteBinding sb, Selector selector, CertificateHealth health) {
        String sni = sb.host().isEmpty() ? null : sb.host();
        List<InetAddress> locals = new ArrayList<>();
        locals.add(sb.address());
        if (sb.address() == null && s.ipPortBinding(new IpPort(IpAddresses.IPV6_ANY, sb.port())) != null) {
            locals.add(IpAddresses.IPV6_ANY);
        }
        for (InetAddress local : locals) {
            Decision d = selector.select(s, local, sb.port(), sni, health);
            if (d.certificate() != null && d.certificate().thumbprint().equals(from)) {
                return true;
            }
        }
        return false;
    }

    private void checkCertificate(Clock clock) {
        if (!to.hasPrivateKey()) {
            warn("NEW_NO_PRIVATE_KEY", "certificate " + to.thumbprint() + " has no private key: it cannot serve TLS");
        }
        if (to.summary().isExpired(clock)) {
            warn("NEW_EXPIRED", "certificate " + to.thumbprint() + " expired " + to.summary().notAfter());
        }
        if (to.summary().isNotYetValid(clock)) {
            warn("NEW_NOT_YET_VALID", "certificate " + to.thumbprint() + " is not valid before " + to.summary().notBefore());
        }
    }

    private void covers(CertificateSummary old, String host, String who) {
        if ((old == null || old.covers(host)) && !to.summary().covers(host)) {
            warn("NAME_NOT_COVERED", who + ": " + (old == null ? "" : from + " covers " + host + ", ") + to.thumbprint()
                    + " (" + String.join(", ", to.summary().names()) + ") does not");
        }
    }

    private void warn(String code, String message) {
        JsonObject w = new JsonObject().put("code", code).put("message", message);
        if (!warnings.contains(w)) {
            warnings.add(w);
        }
    }

    private void probe(String target, String ip, boolean viaEndpoint, int port, String sni) {
        JsonObject o = new JsonObject().put("target", target).put("ip", viaEndpoint && sni != null ? null : ip)
                .put("viaMemberEndpoint", viaEndpoint).put("port", port).put("sni", sni);
        if (!probes.contains(o)) {
            probes.add(o);
        }
    }

    boolean hasWarnings() {
        return !warnings.isEmpty();
    }

    StoredCertificate to() {
        return to;
    }

    JsonObject json() {
        return new JsonObject().put("from", from.hex()).put("to", to.thumbprint().hex()).put("toLabel", to.summary().label())
                .put("bindings", bindings).put("ccsKeys", ccsKeys).put("sites", sites).put("warnings", warnings).put("probes", probes);
    }
}
