package io.ccsfront.doctor;

import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Level;
import io.ccsfront.selection.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings from the simulated handshakes of the sites: the certificate served does not cover
 * the host, no certificate at all, a self-signed certificate serving a real name, and exact
 * IP:Port bindings that take the handshake from a site's SNI or CCS certificate.
 */
final class HandshakeChecks {

    private HandshakeChecks() {
    }

    static void check(ConfigSnapshot s, Selector selector, CertificateHealth health, List<SiteHandshake> handshakes,
                      List<Finding> out) {
        Map<SiteBinding, Decision> ipv4 = new HashMap<>();
        for (SiteHandshake h : handshakes) {
            if (!h.ipv6()) {
                ipv4.put(h.binding(), h.decision());
            } else if (SiteHandshake.sameResult(ipv4.get(h.binding()), h.decision())) {
                continue; // IPv6 clients get what IPv4 clients get: reported once
            }
            served(h, out);
        }
        Map<Integer, List<IpPortBinding>> exact = exactIpBindingsByPort(s);
        for (SiteHandshake h : handshakes) {
            if (!h.ipv6() && h.sni() != null && exact.containsKey(h.binding().port())) {
                shadows(s, selector, health, h, exact.get(h.binding().port()), out);
            }
        }
    }

    private static void served(SiteHandshake h, List<Finding> out) {
        Decision d = h.decision();
        String site = h.site().name();
        String host = h.sni();
        if (!d.selected()) {
            out.add(noCertificate(h, d));
            return;
        }
        StoredCertificate c = d.certificate();
        String tp = c.thumbprint().hex();
        String served = "certificate " + tp + " (" + c.summary().label() + ") from level " + d.level().number() + " "
                + SiteHandshake.source(d);
        if (host != null && !c.summary().covers(host)) {
            out.add(new Finding(Severity.ERROR, FindingCode.NAME_MISMATCH, site, h.siteBinding(), tp, host,
                    "site " + site + ": " + h.who() + (h.ipv6() ? " are" : " is") + " served " + served + ", which does not cover " + host + ".",
                    mismatchFix(h, d)));
        }
        if (host != null && c.summary().selfSigned()) {
            out.add(new Finding(Severity.WARNING, FindingCode.SELF_SIGNED_SERVES_NAMES, site, h.siteBinding(), tp, host,
                    "site " + site + ": " + h.who() + (h.ipv6() ? " are" : " is") + " served the self-signed " + served + "; browsers warn.",
                    "replace it with a CA-issued certificate (on a wildcard binding, a wildcard for the hosting domain): "
                            + "ccsctl rotate " + tp + " <new thumbprint>."));
        }
    }

    private static Finding noCertificate(SiteHandshake h, Decision d) {
        String site = h.site().name();
        String host = h.sni();
        int port = h.binding().port();
        String what = host != null ? "handshakes for " + host : "handshakes without SNI";
        if (d.outcome() == Decision.Outcome.UNUSABLE_CERTIFICATE) {
            String tp = d.certificate() != null ? d.certificate().thumbprint().hex()
                    : d.binding().certHash() != null ? d.binding().certHash().hex() : null;
            return new Finding(Severity.ERROR, FindingCode.NO_CERTIFICATE, site, h.siteBinding(), tp, host,
                    "site " + site + ": " + what + " on " + h.who() + " fail with " + d.alert().text() + ": level "
                            + d.level().number() + " " + SiteHandshake.source(d) + " has an unusable certificate ("
                            + d.problem() + ").",
                    d.ccsKey() != null ? "re-import CCS entry " + d.ccsKey() + " from a PFX with its private key."
                            : "import certificate " + tp + " with its private key into store " + d.binding().certStoreName()
                            + ", or rebind: sslcert update " + d.binding().key() + " certhash=<usable thumbprint>.");
        }
        String fix = host != null
                ? "bind a certificate covering " + host + ": sslcert add hostnameport=" + host + ":" + port
                        + " certhash=<thumbprint> (sslFlags=1), or a CCS entry " + host + " with sslcert add ccs=" + port + "."
                : "bind a default certificate: sslcert add ipport=0.0.0.0:" + port + " certhash=<thumbprint> appid={<guid>}.";
        return new Finding(Severity.ERROR, FindingCode.NO_CERTIFICATE, site, h.siteBinding(), null, host,
                "site " + site + ": " + what + " on " + h.who() + " fail with " + d.alert().text()
                        + ": no level yields a certificate.", fix);
    }

    private static String mismatchFix(SiteHandshake h, Decision d) {
        String host = h.sni();
        int port = h.binding().port();
        Level level = d.level();
        if (level == Level.HOSTNAME_PORT) {
            return "rebind it to a certificate covering " + host + ": sslcert update " + d.binding().key()
                    + " certhash=<thumbprint covering " + host + ">.";
        }
        if (level == Level.CCS) {
            return "put a certificate covering " + host + " into the CCS under " + host + " (or fix " + d.ccsKey() + ").";
        }
        String own = "give " + host + " its own certificate: sslcert add hostnameport=" + host + ":" + port
                + " certhash=<thumbprint covering " + host + "> and sslFlags=1 on the site binding, or a CCS entry " + host;
        if (level == Level.IP_PORT) {
            return own + "; or bind " + d.binding().key() + " to a certificate whose SAN covers every site on it.";
        }
        return own + " with ccs=" + port + ".";
    }

    /** Exact IP:Port bindings on the site binding's port take level 1 from its SNI/CCS certificate on their address. */
    private static void shadows(ConfigSnapshot s, Selector selector, CertificateHealth health, SiteHandshake h,
                                List<IpPortBinding> onPort, List<Finding> out) {
        int port = h.binding().port();
        String host = h.sni();
        Decision sni = h.local() == null ? h.decision() : selector.select(s, null, port, host, health);
        if (!sni.selected() || (sni.level() != Level.HOSTNAME_PORT && sni.level() != Level.CCS)) {
            return;
        }
        for (IpPortBinding ip : onPort) {
            if (h.local() != null && !h.local().equals(ip.ipPort().address())) {
                continue;
            }
            Decision d = selector.select(s, ip.ipPort().address(), port, host, health);
            if (!d.selected() || d.level() != Level.IP_PORT
                    || d.certificate().thumbprint().equals(sni.certificate().thumbprint())) {
                continue;
            }
            StoredCertificate c = d.certificate();
            boolean covers = c.summary().covers(host);
            String address = IpAddresses.format(ip.ipPort().address());
            out.add(new Finding(covers ? Severity.WARNING : Severity.ERROR, FindingCode.IP_SHADOWS_SNI, h.site().name(),
                    ip.key().toString(), c.thumbprint().hex(), host,
                    "site " + h.site().name() + ": clients connecting to " + address + ":" + port + " for " + host
                            + " get certificate " + c.thumbprint() + " (" + c.summary().label() + ") from " + ip.key()
                            + " (level 1) instead of " + sni.certificate().thumbprint() + " from " + SiteHandshake.source(sni)
                            + (covers ? "." : ", and it does not cover " + host + "."),
                    "sslcert delete " + ip.key() + " if no site needs that address; otherwise keep " + host
                            + " off " + address + " in DNS, or bind a certificate there that covers it."));
        }
    }

    private static Map<Integer, List<IpPortBinding>> exactIpBindingsByPort(ConfigSnapshot s) {
        Map<Integer, List<IpPortBinding>> out = new HashMap<>();
        for (SslBinding b : s.bindings()) {
            if (b instanceof IpPortBinding ip && !ip.ipPort().isWildcard()) {
                out.computeIfAbsent(ip.port(), p -> new ArrayList<>()).add(ip);
            }
        }
        return out;
    }
}
