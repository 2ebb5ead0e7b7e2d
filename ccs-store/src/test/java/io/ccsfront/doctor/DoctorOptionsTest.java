package io.ccsfront.doctor;

import static io.ccsfront.doctor.DoctorFixture.CLOCK;
import static io.ccsfront.doctor.DoctorFixture.NOW;
import static io.ccsfront.doctor.DoctorFixture.WINDOW;
import static io.ccsfront.doctor.DoctorFixture.hosting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.selection.CertificateHealth;
import io.ccsfront.selection.Selector;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inputs doctor is given: the clock, the expiry window, the selector's fall-through, key health. */
class DoctorOptionsTest {

    @Test
    void expiryWindowDecidesWhatIsExpiringSoon() {
        ConfigSnapshot s = hosting().sni("soon.fabrikam.com", 443, "expiring:soon.fabrikam.com").snapshot();
        assertThat(codes(Doctor.examine(s, Selector.strict(), CLOCK, Duration.ofDays(30))))
                .containsExactly(FindingCode.CERT_EXPIRING);
        assertThat(Doctor.examine(s, Selector.strict(), CLOCK, Duration.ofDays(5))).isEmpty();
    }

    @Test
    void injectedClockMovedPastNotAfterReportsEveryCertificateExpired() {
        ConfigSnapshot s = hosting().snapshot();
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(120)), ZoneOffset.UTC);
        List<Finding> findings = Doctor.examine(s, Selector.strict(), later, WINDOW);
        // the two wildcard bindings, the SNI binding and the two CCS entries
        assertThat(findings).hasSize(5).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.CERT_EXPIRED);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void keyThatFailedToLoadIsReportedAndFailsTheSitesHandshake() {
        ConfigSnapshot s = hosting().snapshot();
        String shop = DoctorFixture.cert("shop.fabrikam.com").thumbprint().hex();
        CertificateHealth health = t -> t.hex().equals(shop) ? "key failed to load: bad padding" : null;
        List<Finding> findings = Doctor.examine(s, Selector.strict(), CLOCK, WINDOW, health);
        assertThat(codes(findings)).containsExactly(FindingCode.NO_CERTIFICATE, FindingCode.PRIVATE_KEY_UNUSABLE);
        assertThat(findings.get(1).message()).contains("key failed to load: bad padding");
        assertThat(findings.get(1).binding()).isEqualTo("hostnameport=shop.fabrikam.com:443");
    }

    @Test
    void withHttpSysFallThroughAMissingSniCertificateServesTheDefaultInstead() {
        ConfigSnapshot s = hosting().sniToMissing("shop2.fabrikam.com", 443, "shop2.fabrikam.com")
                .site("shop2", "https/*:443:shop2.fabrikam.com#1").snapshot();
        List<Finding> findings = Doctor.examine(s, new Selector(true), CLOCK, WINDOW);
        assertThat(codes(findings)).containsExactly(FindingCode.CERT_MISSING, FindingCode.NAME_MISMATCH,
                FindingCode.SHARED_SSL_BINDING, FindingCode.SHARED_SSL_BINDING);
        assertThat(findings.get(1).message()).contains("level 5 ipport=0.0.0.0:443");
    }

    @Test
    void findingsComeSortedBySeverityThenCodeThenObjects() {
        ConfigSnapshot s = hosting().ccs("old.contoso.com", "expired:old.contoso.com")
                .ccs("soon.contoso.com", "expiring:soon.contoso.com")
                .ccs("a-old.contoso.com", "expired:a-old.contoso.com")
                .site("shop-staging", "https/*:443:shop.fabrikam.com#1").snapshot();
        List<Finding> findings = Doctor.examine(s, Selector.strict(), CLOCK, WINDOW);
        assertThat(findings).isSorted();
        assertThat(findings).extracting(f -> f.severity() + " " + f.code() + " " + f.hostname()).containsExactly(
                "ERROR CERT_EXPIRED a-old.contoso.com", "ERROR CERT_EXPIRED old.contoso.com",
                "ERROR DUPLICATE_SITE_BINDING null", "WARNING CERT_EXPIRING soon.contoso.com",
                "INFO SHARED_SSL_BINDING null");
    }

    @Test
    void messagesNameTheObjectsAndFixesAreCommands() {
        ConfigSnapshot s = DoctorFixture.empty().ipport("0.0.0.0:443", "self-signed:")
                .site("contoso", "https/*:443:www.contoso.com").snapshot();
        List<Finding> findings = Doctor.examine(s, Selector.strict(), CLOCK, WINDOW);
        String tp = DoctorFixture.cert("self-signed:").thumbprint().hex();
        assertThat(findings.get(0).describe()).startsWith("ERROR NAME_MISMATCH site=contoso binding=https/*:443:www.contoso.com cert=" + tp)
                .contains("level 5 ipport=0.0.0.0:443", "does not cover www.contoso.com", "Fix: give www.contoso.com its own certificate");
        assertThat(findings.get(1).fix()).contains("ccsctl rotate " + tp);
        assertThat(Doctor.examine(DoctorFixture.hosting().sni("soon.fabrikam.com", 443, "expiring:soon.fabrikam.com").snapshot(),
                Selector.strict(), CLOCK, WINDOW).get(0).message()).contains("(in 10 days)");
    }

    @Test
    void negativeWindowIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> Doctor.examine(ConfigSnapshot.empty(), Selector.strict(), CLOCK, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expiringWithin must not be negative: PT-24H");
    }

    @Test
    void emptyConfigurationHasNoFindings() {
        assertThat(Doctor.examine(ConfigSnapshot.empty(), Selector.strict(), CLOCK, WINDOW)).isEmpty();
    }

    static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }
}
