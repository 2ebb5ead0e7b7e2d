package io.ccsfront.doctor;

import io.ccsfront.binding.AppcmdCodec;
import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.binding.SiteBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.config.SnapshotBuilder;
import io.ccsfront.site.Site;
import io.ccsfront.testing.TestPki;
import io.ccsfront.testing.TestPki.LeafSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Configurations for the doctor tests, written the way an operator describes them. Certificates
 * are named by what they are: {@code shop.fabrikam.com} (CA-issued, valid 90 days),
 * {@code expired:old.example}, {@code expiring:soon.example} (10 days left),
 * {@code future:new.example}, {@code nokey:x.example}, {@code self-signed:} (the "Default"
 * certificate: CN=Default, no SAN) or {@code self-signed:a.example}. Several names: comma-separated.
 */
final class DoctorFixture {

    static final Instant NOW = Instant.now();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration WINDOW = Duration.ofDays(30);

    private static final Map<String, StoredCertificate> CERTS = new ConcurrentHashMap<>();
    private static final Map<Thumbprint, String> NAMES = new ConcurrentHashMap<>();

    private final SnapshotBuilder builder = ConfigSnapshot.builder();
    private long nextSiteId = 1;

    private DoctorFixture() {
    }

    static DoctorFixture empty() {
        return new DoctorFixture();
    }

    /**
     * A healthy hosting front end: a CA-issued {@code *.hosting.example} on both wildcard
     * bindings, an SNI binding for shop.fabrikam.com, the CCS on 443 with www.contoso.com and
     * _.contoso.com, and four sites using them.
     */
    static DoctorFixture hosting() {
        return empty()
                .ipport("0.0.0.0:443", "*.hosting.example")
                .ipport("[::]:443", "*.hosting.example")
                .sni("shop.fabrikam.com", 443, "shop.fabrikam.com")
                .ccsPort(443)
                .ccs("www.contoso.com", "www.contoso.com")
                .ccs("_.contoso.com", "*.contoso.com")
                .site("Default Web Site", "http/*:80:", "https/*:443:portal.hosting.example")
                .site("shop", "http/*:80:shop.fabrikam.com", "https/*:443:shop.fabrikam.com#1")
                .site("contoso", "https/*:443:www.contoso.com#3")
                .site("blog", "https/*:443:blog.contoso.com#3");
    }

    static StoredCertificate cert(String name) {
        StoredCertificate c = CERTS.computeIfAbsent(name, DoctorFixture::make);
        NAMES.putIfAbsent(c.thumbprint(), name);
        return c;
    }

    /** The fixture name of a certificate, for readable expectations. */
    static String nameOf(String thumbprint) {
        return thumbprint == null ? null : NAMES.getOrDefault(new Thumbprint(thumbprint), thumbprint);
    }

    private static StoredCertificate make(String name) {
        int colon = name.indexOf(':');
        String kind = colon < 0 ? "" : name.substring(0, colon);
        String[] names = (colon < 0 ? name : name.substring(colon + 1)).split(",");
        names = Arrays.stream(names).filter(n -> !n.isBlank()).toArray(String[]::new);
        LeafSpec spec = LeafSpec.names(names);
        switch (kind) {
            case "" -> {
                return TestPki.get().leaf(spec).stored();
            }
            case "expired" -> {
                return TestPki.get().leaf(spec.validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1)))).stored();
            }
            case "expiring" -> {
                return TestPki.get().leaf(spec.validity(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(10)))).stored();
            }
            case "future" -> {
                return TestPki.get().leaf(spec.validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)))).stored();
            }
            case "nokey" -> {
                return TestPki.get().leaf(spec).storedWithoutKey();
            }
            case "self-signed" -> {
                return TestPki.get().leaf((names.length == 0 ? spec.cn("Default") : spec).asSelfSigned()).stored();
            }
            default -> throw new IllegalArgumentException("certificate kind: " + name);
        }
    }

    DoctorFixture ipport(String ipPort, String cert) {
        builder.putCertificate("MY", cert(cert));
        builder.putBinding(new IpPortBinding(IpPort.parse(ipPort), cert(cert).thumbprint()));
        return this;
    }

    DoctorFixture sni(String host, int port, String cert) {
        builder.putCertificate("MY", cert(cert));
        return sniToMissing(host, port, cert);
    }

    /** An SNI binding naming a certificate that is not in the store. */
    DoctorFixture sniToMissing(String host, int port, String cert) {
        builder.putBinding(new HostnamePortBinding(host, port, cert(cert).thumbprint()));
        return this;
    }

    DoctorFixture ccsPort(int port) {
        builder.putBinding(new CcsBinding(port));
        return this;
    }

    DoctorFixture ccs(String key, String cert) {
        builder.putCcs(key, cert(cert));
        return this;
    }

    /** A site; bindings in appcmd's short form, with {@code #flags} for sslFlags: {@code https/*:443:a.com#1}. */
    DoctorFixture site(String name, String... bindings) {
        List<SiteBinding> list = Arrays.stream(bindings).map(DoctorFixture::binding).toList();
        builder.putSite(new Site(name, nextSiteId++, list, List.of(URI.create("http://10.1.0." + nextSiteId + ":8080"))));
        return this;
    }

    static SiteBinding binding(String text) {
        int hash = text.indexOf('#');
        return hash < 0 ? AppcmdCodec.parse(text, 0)
                : AppcmdCodec.parse(text.substring(0, hash), Integer.parseInt(text.substring(hash + 1)));
    }

    ConfigSnapshot snapshot() {
        return builder.version(1).build();
    }
}
