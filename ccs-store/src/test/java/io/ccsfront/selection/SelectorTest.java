package io.ccsfront.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpAddresses;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.cert.Thumbprint;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Decision.Outcome;
import io.ccsfront.testing.TestPki;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five-level selection order, as a table of cases a hosting operator would recognise.
 * Certificates are named by their first SAN; "-" means no certificate.
 */
class SelectorTest {

    static final Map<String, StoredCertificate> CERTS = new LinkedHashMap<>();
    static final ConfigSnapshot SNAPSHOT = fixture();

    static StoredCertificate cert(String name) {
        return CERTS.computeIfAbsent(name, n -> TestPki.get().leaf(n).stored());
    }

    static ConfigSnapshot fixture() {
        var b = ConfigSnapshot.builder();
        for (String n : new String[] {"ip.contoso.com", "ip6.contoso.com", "sni.contoso.com", "sni-ip.contoso.com",
                "default", "default6", "default8443", "v6only", "www.contoso.com", "*.contoso.com", "shop.fabrikam.com",
                "*.fabrikam.com", "ccs-sni.contoso.com", "loop2.example"}) {
            b.putCertificate("MY", cert(n));
        }
        b.putCertificate("WebHosting", cert("webhosting.example"));
        // port 443: everything
        b.putBinding(ipport("10.0.0.5:443", "ip.contoso.com"));
        b.putBinding(ipport("127.0.0.2:443", "loop2.example"));
        b.putBinding(ipport("[2001:db8::5]:443", "ip6.contoso.com"));
        b.putBinding(new HostnamePortBinding("sni.contoso.com", 443, tp("sni.contoso.com")));
        b.putBinding(new HostnamePortBinding("ip.contoso.com", 443, tp("sni-ip.contoso.com")));
        b.putBinding(new HostnamePortBinding("hosting.example", 443, tp("webhosting.example"), "WebHosting", null, null));
        b.putBinding(new CcsBinding(443));
        b.putCcs("www.contoso.com", cert("www.contoso.com"));
        b.putCcs("_.contoso.com", cert("*.contoso.com"));
        b.putCcs("shop.fabrikam.com", cert("shop.fabrikam.com"));
        b.putCcs("*.fabrikam.com", cert("*.fabrikam.com"));
        b.putCcs("sni.contoso.com", cert("ccs-sni.contoso.com"));
        b.putBinding(ipport("[::]:443", "default6"));
        b.putBinding(ipport("0.0.0.0:443", "default"));
        // port 8443: only the IPv4 wildcard
        b.putBinding(ipport("0.0.0.0:8443", "default8443"));
        // port 9443: only CCS
        b.putBinding(new CcsBinding(9443));
        // port 7443: only the IPv6 wildcard
        b.putBinding(ipport("[::]:7443", "v6only"));
        return b.version(1).build();
    }

    static IpPortBinding ipport(String ipport, String certName) {
        return new IpPortBinding(IpPort.parse(ipport), tp(certName));
    }

    static Thumbprint tp(String name) {
        return cert(name).thumbprint();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // level 1: exact IP:Port
                row("exact IP:Port wins without SNI", "10.0.0.5", 443, null, Level.IP_PORT, "ip.contoso.com"),
                row("exact IP:Port beats SNI binding for the same name", "10.0.0.5", 443, "ip.contoso.com", Level.IP_PORT, "ip.contoso.com"),
                row("exact IP:Port beats SNI binding for another name", "10.0.0.5", 443, "sni.contoso.com", Level.IP_PORT, "ip.contoso.com"),
                row("exact IP:Port beats CCS", "10.0.0.5", 443, "www.contoso.com", Level.IP_PORT, "ip.contoso.com"),
                row("exact IPv6 IP:Port", "2001:db8::5", 443, null, Level.IP_PORT, "ip6.contoso.com"),
                row("exact IPv6 IP:Port beats CCS", "2001:db8::5", 443, "www.contoso.com", Level.IP_PORT, "ip6.contoso.com"),
                row("IPv4-mapped IPv6 address counts as IPv4 exact IP:Port", "::ffff:10.0.0.5", 443, null, Level.IP_PORT, "ip.contoso.com"),
                row("loopback alias 127.0.0.2 has its own binding", "127.0.0.2", 443, null, Level.IP_PORT, "loop2.example"),
                row("127.0.0.1 has no IP binding: falls to IPv4 wildcard", "127.0.0.1", 443, null, Level.IPV4_WILDCARD, "default"),
                row("exact IP binding is per port: 10.0.0.5:8443 falls to wildcard", "10.0.0.5", 8443, null, Level.IPV4_WILDCARD, "default8443"),
                // level 2: exact Hostname:Port
                row("SNI binding on another address", "10.0.0.9", 443, "sni.contoso.com", Level.HOSTNAME_PORT, "sni.contoso.com"),
                row("SNI binding beats CCS for the same name", "127.0.0.1", 443, "sni.contoso.com", Level.HOSTNAME_PORT, "sni.contoso.com"),
                row("SNI is case-insensitive", "127.0.0.1", 443, "SNI.Contoso.COM", Level.HOSTNAME_PORT, "sni.contoso.com"),
                row("SNI trailing dot is removed", "127.0.0.1", 443, "sni.contoso.com.", Level.HOSTNAME_PORT, "sni.contoso.com"),
                row("SNI binding over IPv6", "::1", 443, "sni.contoso.com", Level.HOSTNAME_PORT, "sni.contoso.com"),
                row("SNI binding from the WebHosting store", "127.0.0.1", 443, "hosting.example", Level.HOSTNAME_PORT, "webhosting.example"),
                row("SNI binding is per port: 8443 falls to wildcard", "127.0.0.1", 8443, "sni.contoso.com", Level.IPV4_WILDCARD, "default8443"),
                row("IP-mapped SNI connection still uses SNI binding", "::ffff:127.0.0.1", 443, "sni.contoso.com", Level.HOSTNAME_PORT, "sni.contoso.com"),
                // level 3: CCS
                row("CCS exact key", "127.0.0.1", 443, "www.contoso.com", Level.CCS, "www.contoso.com"),
                row("CCS exact key, upper case SNI", "127.0.0.1", 443, "WWW.CONTOSO.COM", Level.CCS, "www.contoso.com"),
                row("CCS exact key, trailing dot", "127.0.0.1", 443, "www.contoso.com.", Level.CCS, "www.contoso.com"),
                row("CCS exact key beats the wildcard key", "127.0.0.1", 443, "shop.fabrikam.com", Level.CCS, "shop.fabrikam.com"),
                row("_.contoso.com serves a.contoso.com", "127.0.0.1", 443, "a.contoso.com", Level.CCS, "*.contoso.com"),
                row("_.contoso.com does not serve a.b.contoso.com", "127.0.0.1", 443, "a.b.contoso.com", Level.IPV4_WILDCARD, "default"),
                row("_.contoso.com does not serve contoso.com", "127.0.0.1", 443, "contoso.com", Level.IPV4_WILDCARD, "default"),
                row("_.fabrikam.com serves blog.fabrikam.com", "127.0.0.1", 443, "blog.fabrikam.com", Level.CCS, "*.fabrikam.com"),
                row("CCS over IPv6", "::1", 443, "www.contoso.com", Level.CCS, "www.contoso.com"),
                row("CCS miss falls through to the IPv4 wildcard", "127.0.0.1", 443, "unknown.example", Level.IPV4_WILDCARD, "default"),
                row("CCS miss over IPv6 falls through to the IPv6 wildcard", "::1", 443, "unknown.example", Level.IPV6_WILDCARD, "default6"),
                row("CCS needs a ccs= binding on the port", "127.0.0.1", 8443, "www.contoso.com", Level.IPV4_WILDCARD, "default8443"),
                row("CCS only port serves CCS names", "127.0.0.1", 9443, "www.contoso.com", Level.CCS, "www.contoso.com"),
                row("IDN SNI is converted to its A-label", "127.0.0.1", 443, "bücher.contoso.com", Level.CCS, "*.contoso.com"),
                // levels 4 and 5: wildcards
                row("no SNI over IPv4 gets the IPv4 wildcard", "127.0.0.1", 443, null, Level.IPV4_WILDCARD, "default"),
                row("no SNI over IPv6 gets the IPv6 wildcard", "::1", 443, null, Level.IPV6_WILDCARD, "default6"),
                row("IPv4-mapped client never gets the IPv6 wildcard", "::ffff:127.0.0.1", 443, null, Level.IPV4_WILDCARD, "default"),
                row("IPv4 wildcard serves IPv6 clients when no [::] binding", "::1", 8443, null, Level.IPV4_WILDCARD, "default8443"),
                row("IPv6 wildcard only for IPv6 connections", "::1", 7443, null, Level.IPV6_WILDCARD, "v6only"),
                row("invalid SNI is treated as absent", "127.0.0.1", 443, "not a host!", Level.IPV4_WILDCARD, "default"),
                row("IP literal SNI is treated as absent", "127.0.0.1", 443, "10.0.0.5", Level.IPV4_WILDCARD, "default"),
                row("SNI of 300 characters is treated as absent", "127.0.0.1", 443, "a".repeat(300), Level.IPV4_WILDCARD, "default"),
                // no certificate
                row("IPv4 client on an IPv6-only port: no certificate", "127.0.0.1", 7443, null, null, "handshake_failure"),
                row("IPv4 client with SNI on an IPv6-only port: unrecognized_name", "127.0.0.1", 7443, "www.contoso.com", null, "unrecognized_name"),
                row("CCS-only port, CCS miss: unrecognized_name", "127.0.0.1", 9443, "unknown.example", null, "unrecognized_name"),
                row("CCS-only port, no SNI: handshake_failure", "127.0.0.1", 9443, null, null, "handshake_failure"),
                row("no binding at all on the port", "127.0.0.1", 1443, "www.contoso.com", null, "unrecognized_name"),
                row("no binding at all, no SNI", "::1", 1443, null, null, "handshake_failure"),
                row("CCS-only port, invalid SNI: handshake_failure", "127.0.0.1", 9443, "bad_name.example", null, "handshake_failure"));
    }

    static Arguments row(String description, String local, int port, String sni, Level level, String expected) {
        return Arguments.of(description, local, port, sni, level, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void selectsLikeHttpSys(String description, String local, int port, String sni, Level level, String expected) {
        InetAddress address = IpAddresses.parse(local, "local");
        Decision d = Selector.strict().select(SNAPSHOT, address, port, sni, CertificateHealth.ALL_USABLE);
        Decision explained = Selector.strict().explain(SNAPSHOT, address, port, sni, CertificateHealth.ALL_USABLE);
        if (level == null) {
            assertThat(d.outcome()).as(description).isEqualTo(Outcome.NO_CERTIFICATE);
            assertThat(d.alert().text()).as(description).isEqualTo(expected);
        } else {
            assertThat(d.outcome()).as(description).isEqualTo(Outcome.SELECTED);
            assertThat(d.level()).as(description).isEqualTo(level);
            assertThat(d.certificate().thumbprint()).as(description).isEqualTo(tp(expected));
        }
        assertThat(explained.trace()).hasSize(5);
        assertThat(explained.outcome()).isEqualTo(d.outcome());
        assertThat(explained.certificate()).isEqualTo(d.certificate());
        assertThat(d.trace()).isEmpty();
    }

    @Test
    void tableHasAtLeastFortyRows() {
        assertThat(table().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void explainTellsWhyEachLevelDidNotMatch() {
        Decision d = Selector.strict().explain(SNAPSHOT, IpAddresses.parse("127.0.0.1", "l"), 443, "a.b.contoso.com",
                CertificateHealth.ALL_USABLE);
        assertThat(d.trace()).extracting(LevelTrace::result).containsExactly(LevelTrace.Result.NO_MATCH,
                LevelTrace.Result.NO_MATCH, LevelTrace.Result.NO_MATCH, LevelTrace.Result.NO_MATCH, LevelTrace.Result.SELECTED);
        assertThat(d.trace().get(0).detail()).contains("no ipport binding for 127.0.0.1:443");
        assertThat(d.trace().get(2).detail()).contains("neither a.b.contoso.com nor _.b.contoso.com");
        assertThat(d.trace().get(3).detail()).contains("IPv4");
        assertThat(d.describe()).contains("Selected: level 5");
    }

    @Test
    void levelsAfterTheDecidingOneAreMarkedNotReached() {
        Decision d = Selector.strict().explain(SNAPSHOT, IpAddresses.parse("10.0.0.5", "l"), 443, null, null);
        assertThat(d.trace()).extracting(LevelTrace::result).containsExactly(LevelTrace.Result.SELECTED,
                LevelTrace.Result.NOT_REACHED, LevelTrace.Result.NOT_REACHED, LevelTrace.Result.NOT_REACHED,
                LevelTrace.Result.NOT_REACHED);
    }

    @Test
    void anyAddressSkipsExactIpPortAndActsAsIpv4() {
        Decision d = Selector.strict().explain(SNAPSHOT, null, 443, null, null);
        assertThat(d.level()).isEqualTo(Level.IPV4_WILDCARD);
        assertThat(d.trace().get(0).detail()).contains("any address");
    }
}
