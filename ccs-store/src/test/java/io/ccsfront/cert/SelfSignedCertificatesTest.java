package io.ccsfront.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.testing.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelfSignedCertificatesTest {

    static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"rsa:2048, RSA, 2048, SHA256withRSA", "rsa:3072, RSA, 3072, SHA256withRSA",
            "ec:p256, EC, 256, SHA256withECDSA", "ec:p384, EC, 384, SHA384withECDSA"})
    void selfSignedCertificateHasTheRequestedKey(String spec, String algorithm, int bits, String signature) {
        SelfSignedCertificates.Generated g = SelfSignedCertificates.create("Default", List.of("default.local"),
                Duration.ofDays(365), CLOCK, KeySpec.parse(spec));

        CertificateDetails d = CertificateDetails.of(List.of(g.certificate()), true, CLOCK);

        assertThat(d.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(d.keyBits()).isEqualTo(bits);
        assertThat(g.certificate().getSigAlgName()).isEqualToIgnoringCase(signature);
        assertThat(d.dnsNames()).containsExactly("default.local");
        assertThat(d.notAfter()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(365)));
        assertThat(d.warnings()).extracting(CertificateWarning::code).containsExactly(CertificateWarning.Code.SELF_SIGNED);
        assertThat(TestFiles.signsFor(g.keyPair().getPrivate(), g.certificate().getPublicKey())).isTrue();
    }

    @Test
    void rsaSelfSignedCertificateAllowsKeyEncipherment() {
        boolean[] rsa = SelfSignedCertificates.create("Default", List.of(), Duration.ofDays(1), CLOCK, KeySpec.RSA_2048)
                .certificate().getKeyUsage();
        boolean[] ec = SelfSignedCertificates.create("Default", List.of(), Duration.ofDays(1), CLOCK).certificate().getKeyUsage();

        assertThat(rsa[0]).isTrue();
        assertThat(rsa[2]).isTrue();
        assertThat(ec[0]).isTrue();
        assertThat(ec[2]).isFalse();
    }

    @Test
    void defaultSelfSignedCertificateStaysEcdsaP256AndStoresWithItsKey() {
        SelfSignedCertificates.Generated g = SelfSignedCertificates.create("Default", List.of("a.local"), Duration.ofDays(1), CLOCK);

        StoredCertificate stored = g.stored(TestPki.PROTECTOR);

        assertThat(g.keyPair().getPublic().getAlgorithm()).isEqualTo("EC");
        assertThat(CertificateDetails.of(stored, CLOCK).keyDescription()).isEqualTo("EC 256");
        assertThat(stored.summary().selfSigned()).isTrue();
        assertThat(g.toString()).doesNotContain("private");
    }
}
