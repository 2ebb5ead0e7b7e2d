package io.ccsfront.doctor;

import static io.ccsfront.doctor.DoctorFixture.CLOCK;
import static io.ccsfront.doctor.DoctorFixture.WINDOW;
import static io.ccsfront.doctor.DoctorFixture.empty;
import static io.ccsfront.doctor.DoctorFixture.hosting;
import static io.ccsfront.doctor.FindingCode.CCS_NAME_MISMATCH;
import static io.ccsfront.doctor.FindingCode.CERT_EXPIRED;
import static io.ccsfront.doctor.FindingCode.CERT_EXPIRING;
import static io.ccsfront.doctor.FindingCode.CERT_MISSING;
import static io.ccsfront.doctor.FindingCode.CERT_NOT_YET_VALID;
import static io.ccsfront.doctor.FindingCode.DUPLICATE_SITE_BINDING;
import static io.ccsfront.doctor.FindingCode.IP_SHADOWS_SNI;
import static io.ccsfront.doctor.FindingCode.NAME_MISMATCH;
import static io.ccsfront.doctor.FindingCode.NO_CERTIFICATE;
import static io.ccsfront.doctor.FindingCode.PRIVATE_KEY_MISSING;
import static io.ccsfront.doctor.FindingCode.SELF_SIGNED_SERVES_NAMES;
import static io.ccsfront.doctor.FindingCode.SHARED_SSL_BINDING;
import static io.ccsfront.doctor.Severity.ERROR;
import static io.ccsfront.doctor.Severity.INFO;
import static io.ccsfront.doctor.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Selector;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code doctor} reports, one row per situation a hosting operator would recognise. Each
 * row lists every finding expected, in doctor's order; certificates are named as in
 * {@link DoctorFixture}.
 */
class DoctorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("a clean hosting configuration has no findings", () -> hosting()),
                row("siteV2 on site1's IP:Port gets site1's certificate (the seeds' certificate errors)",
                        () -> empty().ipport("10.0.0.1:443", "www.site1.example")
                                .site("site1", "https/10.0.0.1:443:www.site1.example")
                                .site("siteV2", "https/10.0.0.1:443:www.sitev2.example"),
                        f(ERROR, NAME_MISMATCH, "siteV2", "https/10.0.0.1:443:www.sitev2.example", "www.site1.example", "www.sitev2.example"),
                        f(INFO, SHARED_SSL_BINDING, "site1, siteV2", "ipport=10.0.0.1:443", "www.site1.example", null)),
                row("SNI binding names a certificate its store does not hold",
                        () -> hosting().sniToMissing("shop2.fabrikam.com", 443, "shop2.fabrikam.com")
                                .site("shop2", "https/*:443:shop2.fabrikam.com#1"),
                        f(ERROR, CERT_MISSING, null, "hostnameport=shop2.fabrikam.com:443", "shop2.fabrikam.com", null),
                        f(ERROR, NO_CERTIFICATE, "shop2", "https/*:443:shop2.fabrikam.com", "shop2.fabrikam.com", "shop2.fabrikam.com")),
                row("a binding no site uses still names a missing certificate",
                        () -> hosting().sniToMissing("old.fabrikam.com", 443, "old.fabrikam.com"),
                        f(ERROR, CERT_MISSING, null, "hostnameport=old.fabrikam.com:443", "old.fabrikam.com", null)),
                row("certificate imported without its private key",
                        () -> hosting().sni("nokey.fabrikam.com", 443, "nokey:nokey.fabrikam.com")
                                .site("nokey", "https/*:443:nokey.fabrikam.com#1"),
                        f(ERROR, NO_CERTIFICATE, "nokey", "https/*:443:nokey.fabrikam.com", "nokey:nokey.fabrikam.com", "nokey.fabrikam.com"),
                        f(ERROR, PRIVATE_KEY_MISSING, null, "hostnameport=nokey.fabrikam.com:443", "nokey:nokey.fabrikam.com", null)),
                row("CCS entry without its private key",
                        () -> hosting().ccs("nokey.contoso.com", "nokey:nokey.contoso.com")
                                .site("nokey", "https/*:443:nokey.contoso.com#3"),
                        f(ERROR, NO_CERTIFICATE, "nokey", "https/*:443:nokey.contoso.com", "nokey:nokey.contoso.com", "nokey.contoso.com"),
                        f(ERROR, PRIVATE_KEY_MISSING, null, null, "nokey:nokey.contoso.com", "nokey.contoso.com")),
                row("https site on a port without any SSL binding",
                        () -> hosting().site("admin", "https/*:8443:admin.hosting.example"),
                        f(ERROR, NO_CERTIFICATE, "admin", "https/*:8443:admin.hosting.example", null, "admin.hosting.example")),
                row("CCS-only port and a host the CCS does not hold",
                        () -> hosting().ccsPort(9443).site("fabrikam", "https/*:9443:www.fabrikam.com#3"),
                        f(ERROR, NO_CERTIFICATE, "fabrikam", "https/*:9443:www.fabrikam.com", null, "www.fabrikam.com")),
                row("the wildcard binding's certificate has expired",
                        () -> hosting().ipport("0.0.0.0:443", "expired:*.hosting.example"),
                        f(ERROR, CERT_EXPIRED, null, "ipport=0.0.0.0:443", "expired:*.hosting.example", null)),
                row("a CCS certificate has expired",
                        () -> hosting().ccs("old.contoso.com", "expired:old.contoso.com"),
                        f(ERROR, CERT_EXPIRED, null, null, "expired:old.contoso.com", "old.contoso.com")),
                row("an SNI certificate expires in 10 days",
                        () -> hosting().sni("soon.fabrikam.com", 443, "expiring:soon.fabrikam.com"),
                        f(WARNING, CERT_EXPIRING, null, "hostnameport=soon.fabrikam.com:443", "expiring:soon.fabrikam.com", null)),
                row("a CCS certificate expires within the window",
                        () -> hosting().ccs("soon.contoso.com", "expiring:soon.contoso.com"),
                        f(WARNING, CERT_EXPIRING, null, null, "expiring:soon.contoso.com", "soon.contoso.com")),
                row("a bound certificate is not valid yet",
                        () -> hosting().sni("new.fabrikam.com", 443, "future:new.fabrikam.com"),
                        f(ERROR, CERT_NOT_YET_VALID, null, "hostnameport=new.fabrikam.com:443", "future:new.fabrikam.com", null)),
                row("the self-signed Default certificate on 0.0.0.0:443 serves a site's hostname",
                        () -> empty().ipport("0.0.0.0:443", "self-signed:").site("contoso", "https/*:443:www.contoso.com"),
                        f(ERROR, NAME_MISMATCH, "contoso", "https/*:443:www.contoso.com", "self-signed:", "www.contoso.com"),
                        f(WARNING, SELF_SIGNED_SERVES_NAMES, "contoso", "https/*:443:www.contoso.com", "self-signed:", "www.contoso.com")),
                row("a self-signed certificate bound by SNI to its own name",
                        () -> hosting().sni("test.fabrikam.com", 443, "self-signed:test.fabrikam.com")
                                .site("test", "https/*:443:test.fabrikam.com#1"),
                        f(WARNING, SELF_SIGNED_SERVES_NAMES, "test", "https/*:443:test.fabrikam.com", "self-signed:test.fabrikam.com", "test.fabrikam.com")),
                row("a catch-all site without a host name is no name mismatch, even on the self-signed default",
                        () -> empty().ipport("0.0.0.0:443", "self-signed:").site("catch-all", "https/*:443:")),
                row("ipBindingShadowsSniSiteOnThatAddress: its certificate still covers the host",
                        () -> empty().sni("shop.fabrikam.com", 443, "shop.fabrikam.com").ipport("10.0.0.1:443", "*.fabrikam.com")
                                .site("shop", "https/*:443:shop.fabrikam.com#1"),
                        f(WARNING, IP_SHADOWS_SNI, "shop", "ipport=10.0.0.1:443", "*.fabrikam.com", "shop.fabrikam.com")),
                row("an IP binding shadows a CCS site with a certificate that does not cover it",
                        () -> empty().ccsPort(443).ccs("www.contoso.com", "www.contoso.com").ipport("10.0.0.1:443", "legacy.example")
                                .site("contoso", "https/*:443:www.contoso.com#3"),
                        f(ERROR, IP_SHADOWS_SNI, "contoso", "ipport=10.0.0.1:443", "legacy.example", "www.contoso.com")),
                row("an IPv6 IP binding shadows SNI for clients connecting to that address",
                        () -> empty().sni("shop.fabrikam.com", 443, "shop.fabrikam.com").ipport("[2001:db8::1]:443", "legacy.example")
                                .site("shop", "https/*:443:shop.fabrikam.com#1"),
                        f(ERROR, IP_SHADOWS_SNI, "shop", "ipport=[2001:db8::1]:443", "legacy.example", "shop.fabrikam.com")),
                row("an IP binding carrying the site's own certificate is harmless",
                        () -> empty().sni("shop.fabrikam.com", 443, "shop.fabrikam.com").ipport("10.0.0.1:443", "shop.fabrikam.com")
                                .site("shop", "https/*:443:shop.fabrikam.com#1")),
                row("an IP binding on another port shadows nothing",
                        () -> empty().sni("shop.fabrikam.com", 443, "shop.fabrikam.com").ipport("10.0.0.1:8443", "legacy.example")
                                .site("shop", "https/*:443:shop.fabrikam.com#1")),
                row("a site bound to the IP itself gets the IP certificate, never its SNI one",
                        () -> empty().sni("shop.fabrikam.com", 443, "shop.fabrikam.com").ipport("10.0.0.1:443", "legacy.example")
                                .site("shop", "https/10.0.0.1:443:shop.fabrikam.com#1"),
                        f(ERROR, IP_SHADOWS_SNI, "shop", "ipport=10.0.0.1:443", "legacy.example", "shop.fabrikam.com"),
                        f(ERROR, NAME_MISMATCH, "shop", "https/10.0.0.1:443:shop.fabrikam.com", "legacy.example", "shop.fabrikam.com")),
                row("two sites with the same binding",
                        () -> hosting().site("shop-staging", "https/*:443:shop.fabrikam.com#1"),
                        f(ERROR, DUPLICATE_SITE_BINDING, "shop, shop-staging", "https/*:443:shop.fabrikam.com", null, null),
                        f(INFO, SHARED_SSL_BINDING, "shop, shop-staging", "hostnameport=shop.fabrikam.com:443", "shop.fabrikam.com", null)),
                row("several sites depend on the wildcard bindings",
                        () -> hosting().site("Support", "https/*:443:support.hosting.example"),
                        f(INFO, SHARED_SSL_BINDING, "Default Web Site, Support", "ipport=0.0.0.0:443", "*.hosting.example", null),
                        f(INFO, SHARED_SSL_BINDING, "Default Web Site, Support", "ipport=[::]:443", "*.hosting.example", null)),
                row("a CCS entry filed under a name its certificate does not cover",
                        () -> hosting().ccs("www.fabrikam.com", "www.contoso.com"),
                        f(ERROR, CCS_NAME_MISMATCH, null, null, "www.contoso.com", "www.fabrikam.com")),
                row("_.fabrikam.com holds a certificate for fabrikam.com only",
                        () -> hosting().ccs("_.fabrikam.com", "fabrikam.com,www.fabrikam.com"),
                        f(ERROR, CCS_NAME_MISMATCH, null, null, "fabrikam.com,www.fabrikam.com", "_.fabrikam.com")),
                row("an SNI binding bound to another host's certificate",
                        () -> hosting().sni("shop2.fabrikam.com", 443, "shop.fabrikam.com").site("shop2", "https/*:443:shop2.fabrikam.com#1"),
                        f(ERROR, NAME_MISMATCH, "shop2", "https/*:443:shop2.fabrikam.com", "shop.fabrikam.com", "shop2.fabrikam.com")),
                row("IPv6 clients get another default certificate that does not cover the host",
                        () -> hosting().ipport("[::]:443", "legacy.example"),
                        f(ERROR, NAME_MISMATCH, "Default Web Site", "https/*:443:portal.hosting.example", "legacy.example", "portal.hosting.example")),
                row("_.contoso.com serves one label only: a.b.contoso.com falls to the default certificate",
                        () -> hosting().site("deep", "https/*:443:a.b.contoso.com#3"),
                        f(ERROR, NAME_MISMATCH, "deep", "https/*:443:a.b.contoso.com", "*.hosting.example", "a.b.contoso.com"),
                        f(INFO, SHARED_SSL_BINDING, "Default Web Site, deep", "ipport=0.0.0.0:443", "*.hosting.example", null),
                        f(INFO, SHARED_SSL_BINDING, "Default Web Site, deep", "ipport=[::]:443", "*.hosting.example", null)),
                row("a site asking for CCS on a port without ccs= gets the default certificate",
                        () -> hosting().ipport("0.0.0.0:8443", "*.hosting.example").site("fabrikam", "https/*:8443:www.contoso.com#3"),
                        f(ERROR, NAME_MISMATCH, "fabrikam", "https/*:8443:www.contoso.com", "*.hosting.example", "www.contoso.com")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsWhatAnOperatorWouldFind(String description, Supplier<DoctorFixture> setup, List<String> expected) {
        ConfigSnapshot s = setup.get().snapshot();
        List<Finding> findings = Doctor.examine(s, Selector.strict(), CLOCK, WINDOW);
        assertThat(findings).extracting(DoctorTest::brief).as(description).containsExactlyElementsOf(expected);
        for (Finding finding : findings) {
            assertThat(finding.describe()).as(description).doesNotContain("\n").contains(finding.code().name());
            if (finding.hostname() != null) {
                assertThat(finding.message()).as(description).contains(finding.hostname());
            }
        }
    }

    static Arguments row(String description, Supplier<DoctorFixture> setup, String... expected) {
        return Arguments.of(description, setup, List.of(expected));
    }

    /** The expected finding, with the certificate named as in {@link DoctorFixture}. */
    static String f(Severity severity, FindingCode code, String site, String binding, String cert, String host) {
        return severity + " " + code + " site=" + site + " binding=" + binding + " cert=" + cert + " host=" + host;
    }

    static String brief(Finding x) {
        return f(x.severity(), x.code(), x.site(), x.binding(), DoctorFixture.nameOf(x.thumbprint()), x.hostname());
    }
}
