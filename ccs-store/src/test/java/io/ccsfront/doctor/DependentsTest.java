package io.ccsfront.doctor;

import static io.ccsfront.doctor.DoctorFixture.empty;
import static io.ccsfront.doctor.DoctorFixture.hosting;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.BindingKey;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.Level;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Doctor#dependents}: which sites' handshakes an SSL binding serves today (what {@code sslcert delete} checks). */
class DependentsTest {

    static final ConfigSnapshot SNAPSHOT = hosting()
            .ipport("10.0.0.1:443", "www.site1.example")
            .site("site1", "https/10.0.0.1:443:www.site1.example")
            .site("siteV2", "https/10.0.0.1:443:www.sitev2.example")
            .site("Support", "https/*:443:support.hosting.example")
            .site("shop-ip", "https/10.0.0.9:443:shop.fabrikam.com#1")
            .snapshot();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the IPv4 wildcard serves the sites without their own certificate",
                        "ipport=0.0.0.0:443", List.of("Default Web Site (https/*:443:portal.hosting.example)",
                                "Support (https/*:443:support.hosting.example)")),
                Arguments.of("the IPv6 wildcard serves the same sites' IPv6 clients",
                        "ipport=[::]:443", List.of("Default Web Site (https/*:443:portal.hosting.example)",
                                "Support (https/*:443:support.hosting.example)")),
                Arguments.of("an exact IP binding serves the sites bound to that IP, not the * sites it shadows",
                        "ipport=10.0.0.1:443", List.of("site1 (https/10.0.0.1:443:www.site1.example)",
                                "siteV2 (https/10.0.0.1:443:www.sitev2.example)")),
                Arguments.of("an SNI binding serves its host on any address without an IP binding",
                        "hostnameport=shop.fabrikam.com:443", List.of("shop (https/*:443:shop.fabrikam.com)",
                                "shop-ip (https/10.0.0.9:443:shop.fabrikam.com)")),
                Arguments.of("the CCS binding serves every CCS site",
                        "ccs=443", List.of("blog (https/*:443:blog.contoso.com)", "contoso (https/*:443:www.contoso.com)")),
                Arguments.of("http bindings depend on nothing; an unknown binding has no dependents",
                        "ipport=0.0.0.0:80", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void listsTheSitesWhoseHandshakesUseTheBinding(String description, String key, List<String> expected) {
        assertThat(Doctor.dependents(SNAPSHOT, BindingKey.parse(key))).extracting(Dependent::toString)
                .as(description).containsExactlyElementsOf(expected);
    }

    @Test
    void dependentKnowsTheLevelThatServesIt() {
        assertThat(Doctor.dependents(SNAPSHOT, BindingKey.parse("ccs=443"))).extracting(Dependent::level)
                .containsOnly(Level.CCS);
        assertThat(Doctor.dependents(SNAPSHOT, BindingKey.parse("ipport=[::]:443"))).extracting(Dependent::level)
                .containsOnly(Level.IPV6_WILDCARD);
    }

    @Test
    void aBindingWhoseCertificateIsMissingHasNoDependents() {
        ConfigSnapshot s = empty().sniToMissing("shop.fabrikam.com", 443, "shop.fabrikam.com")
                .site("shop", "https/*:443:shop.fabrikam.com#1").snapshot();
        assertThat(Doctor.dependents(s, BindingKey.parse("hostnameport=shop.fabrikam.com:443"))).isEmpty();
    }

    @Test
    void aSiteServedByTwoLevelsOnOnePortDependsOnBoth() {
        assertThat(Doctor.dependents(SNAPSHOT, BindingKey.parse("ipport=0.0.0.0:443")))
                .extracting(Dependent::site).contains("Support");
        assertThat(Doctor.dependents(SNAPSHOT, BindingKey.parse("ipport=[::]:443")))
                .extracting(Dependent::site).contains("Support");
    }
}
