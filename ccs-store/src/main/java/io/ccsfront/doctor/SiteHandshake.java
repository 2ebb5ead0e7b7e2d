package io.ccsfront.doctor;

import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.selection.Decision;
import io.ccsfront.selection.Selector;
import io.ccsfront.site.Site;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated handshake of an {@code https} site binding: L = the binding's address (null for
 * {@code *}), P = its port, S = its host (none when empty). A {@code *} binding on a port with
 * an {@code ipport=[::]:P} binding gets a second handshake for IPv6 clients ({@code ipv6} true),
 * since those reach level 4 and IPv4 clients do not.
 */
record SiteHandshake(Site site, SiteBinding binding, InetAddress local, boolean ipv6, Decision decision) {

    /** Every handshake of every https site binding, sites in id order. */
    static List<SiteHandshake> simulate(ConfigSnapshot s, Selector selector, CertificateHealth health) {
        List<SiteHandshake> out = new ArrayList<>();
        for (Site site : s.sites()) {
            for (SiteBinding b : site.bindings()) {
                if (!b.isHttps()) {
                    continue;
                }
                String sni = b.host().isEmpty() ? null : b.host();
                out.add(new SiteHandshake(site, b, b.address(), false,
                        selector.explain(s, b.address(), b.port(), sni, health)));
                if (b.address() == null && s.ipPortBinding(new IpPort(IpAddresses.IPV6_ANY, b.port())) != null) {
                    out.add(new SiteHandshake(site, b, IpAddresses.IPV6_ANY, true,
                            selector.explain(s, IpAddresses.IPV6_ANY, b.port(), sni, health)));
                }
            }
        }
        return out;
    }

    /** The SNI name the handshake sends, or null. */
    String sni() {
        return binding.host().isEmpty() ? null : binding.host();
    }

    /** {@code https/*:443:shop.com}: how findings name the site binding. */
    String siteBinding() {
        return binding.protocol().text() + "/" + binding.bindingInformation();
    }

    /** "IPv6 clients of https/*:443:a.com" or "https/*:443:a.com". */
    String who() {
        return (ipv6 ? "IPv6 clients of " : "") + siteBinding();
    }

    /** Where the decision's certificate comes from: {@code CCS entry _.a.com} or the SSL binding key. */
    static String source(Decision d) {
        return d.ccsKey() != null ? "CCS entry " + d.ccsKey() : d.binding().key().toString();
    }

    /** Whether two decisions serve the same certificate the same way (or fail the same way). */
    static boolean sameResult(Decision a, Decision b) {
        if (a.outcome() != b.outcome()) {
            return false;
        }
        if (a.selected()) {
            return a.certificate().thumbprint().equals(b.certificate().thumbprint());
        }
        return a.level() == b.level() && a.alert() == b.alert();
    }
}
