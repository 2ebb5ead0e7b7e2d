package io.ccsfront.loadtest;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.config.SnapshotBuilder;
import java.net.InetAddress;

/**
 * The benchmark's configuration: a high-density front end on port 443.
 *
 * <ul>
 *   <li>{@code ccsHostnames} CCS entries: one in twenty is a wildcard key {@code _.w<i>.tenants.example},
 *       the rest exact keys {@code www<i>.tenant<i>.example};</li>
 *   <li>{@code sniBindings} hostnameport bindings {@code sni<i>.hosting.example:443};</li>
 *   <li>{@code ipBindings} ipport bindings {@code 10.<a>.<b>.<c>:443};</li>
 *   <li>the wildcards {@code 0.0.0.0:443} and {@code [::]:443}, and {@code ccs=443}.</li>
 * </ul>
 *
 * Names are a function of the index so that {@link Requests} can produce hits and misses.
 */
final class SelectionTables {

    static final int PORT = 443;
    static final int WILDCARD_EVERY = 20;

    private SelectionTables() {
    }

    static ConfigSnapshot build(CertificatePool pool, int ccsHostnames, int sniBindings, int ipBindings) {
        SnapshotBuilder b = ConfigSnapshot.builder();
        for (StoredCertificate c : pool.all()) {
            b.putCertificate("MY", c);
        }
        for (int i = 0; i < ccsHostnames; i++) {
            b.putCcs(ccsKey(i), pool.get(i));
        }
        for (int i = 0; i < sniBindings; i++) {
            b.putBinding(new HostnamePortBinding(sniHost(i), PORT, pool.get(i).thumbprint()));
        }
        for (int i = 0; i < ipBindings; i++) {
            b.putBinding(new IpPortBinding(new IpPort(ipAddress(i), PORT), pool.get(i).thumbprint()));
        }
        b.putBinding(new IpPortBinding(new IpPort(IpAddresses.IPV4_ANY, PORT), pool.get(0).thumbprint()));
        b.putBinding(new IpPortBinding(new IpPort(IpAddresses.IPV6_ANY, PORT), pool.get(1).thumbprint()));
        b.putBinding(new CcsBinding(PORT));
        return b.version(1).build();
    }

    static boolean isWildcardEntry(int i) {
        return i % WILDCARD_EVERY == WILDCARD_EVERY - 1;
    }

    /** CCS key of entry {@code i}: {@code _.w<i>.tenants.example} or {@code www<i>.tenant<i>.example}. */
    static String ccsKey(int i) {
        return isWildcardEntry(i) ? "_.w" + i + ".tenants.example" : "www" + i + ".tenant" + i + ".example";
    }

    static String sniHost(int i) {
        return "sni" + i + ".hosting.example";
    }

    /** {@code 10.1.0.0} onwards: the i-th address with an exact ipport binding. */
    static InetAddress ipAddress(int i) {
        return IpAddresses.parse("10.1." + (i / 256) + "." + (i % 256), "ip");
    }
}
