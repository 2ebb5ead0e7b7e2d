package io.ccsfront.cert;

import static io.ccsfront.cert.CertificateWarning.Code.CHAIN_INCOMPLETE;
import static io.ccsfront.cert.CertificateWarning.Code.EXPIRED;
import static io.ccsfront.cert.CertificateWarning.Code.NOT_YET_VALID;
import static io.ccsfront.cert.CertificateWarning.Code.NO_SERVER_AUTH;
import static io.ccsfront.cert.CertificateWarning.Code.SELF_SIGNED;
import static io.ccsfront.cert.CertificateWarning.Code.WEAK_RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.cert.CertificateWarning.Code;
import io.ccsfront.testing.TestPki;
import io.ccsfront.testing.TestPki.Issued;
import io.ccsfront.testing.TestPki.LeafSpec;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateDetailsTest {

    static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant FROM = NOW.minus(Duration.ofDays(10));
    static final Instant TO = NOW.plus(Duration.ofDays(80));
    static final TestPki PKI = TestPki.get();

    static Issued leaf(LeafSpec spec) {
        return PKI.leaf(spec.validity(FROM, TO));
    }

    static Stream<Arguments> warningRules() {
        X509Certificate mid = PKI.intermediate().certificate();
        Issued good = leaf(LeafSpec.names("www.contoso.com"));
        return Stream.of(
                Arguments.of("CA-issued leaf with its intermediate: nothing to say", good.chain(), Set.of()),
                Arguments.of("chain ending in an intermediate without the root is complete", good.chain(), Set.of()),
                Arguments.of("CA-issued leaf alone: intermediates missing", List.of(good.certificate()), Set.of(CHAIN_INCOMPLETE)),
                Arguments.of("CA-issued leaf with an unrelated CA only", List.of(good.certificate(), PKI.root().certificate()),
                        Set.of(CHAIN_INCOMPLETE)),
                Arguments.of("expired yesterday", PKI.leaf(LeafSpec.names("old.contoso.com")
                        .validity(NOW.minus(Duration.ofDays(91)), NOW.minus(Duration.ofDays(1)))).chain(), Set.of(EXPIRED)),
                Arguments.of("valid only from tomorrow", PKI.leaf(LeafSpec.names("new.contoso.com")
                        .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(91)))).chain(), Set.of(NOT_YET_VALID)),
                Arguments.of("RSA 1024", leaf(LeafSpec.names("weak.contoso.com").key("RSA1024")).chain(), Set.of(WEAK_RSA)),
                Arguments.of("RSA 2048 is not weak", leaf(LeafSpec.names("rsa.contoso.com").key("RSA")).chain(), Set.of()),
                Arguments.of("EKU clientAuth only", leaf(LeafSpec.names("client.contoso.com").noServerAuth()).chain(),
                        Set.of(NO_SERVER_AUTH)),
                Arguments.of("no EKU at all may serve TLS", List.of(mid, PKI.root().certificate()), Set.of()),
                Arguments.of("self-signed is its own issuer, not an incomplete chain",
                        leaf(LeafSpec.names("self.contoso.com").asSelfSigned()).chain(), Set.of(SELF_SIGNED)),
                Arguments.of("self-signed RSA 1024 with clientAuth, expired", PKI.leaf(LeafSpec.names("bad.contoso.com")
                        .key("RSA1024").noServerAuth().asSelfSigned().validity(NOW.minus(Duration.ofDays(30)),
                                NOW.minus(Duration.ofSeconds(1)))).chain(), Set.of(EXPIRED, WEAK_RSA, SELF_SIGNED, NO_SERVER_AUTH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warningRules")
    void warningsFollowTheRules(String rule, List<X509Certificate> chain, Set<Code> expected) {
        CertificateDetails details = CertificateDetails.of(chain, true, CLOCK);

        assertThat(details.warnings()).extracting(CertificateWarning::code).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(details.warnings()).allSatisfy(w -> assertThat(w.message()).isNotBlank().doesNotContain("\n"));
        expected.forEach(code -> assertThat(details.has(code)).isTrue());
    }

    @Test
    void expiryIsJudgedByTheInjectedClock() {
        List<X509Certificate> chain = leaf(LeafSpec.names("www.contoso.com")).chain();

        assertThat(CertificateDetails.of(chain, false, CLOCK).has(EXPIRED)).isFalse();
        assertThat(CertificateDetails.of(chain, false, Clock.offset(CLOCK, Duration.ofDays(81))).warnings())
                .singleElement().hasToString("EXPIRED: expired on " + TO);
        assertThat(CertificateDetails.of(chain, false, Clock.offset(CLOCK, Duration.ofDays(-11))).has(NOT_YET_VALID)).isTrue();
    }

    @Test
    void detailsShowWhatCertutilShows() throws Exception {
        Issued issued = leaf(LeafSpec.names("www.contoso.com", "contoso.com").ips("192.0.2.10"));
        X509Certificate cert = issued.certificate();
        byte[] der = cert.getEncoded();

        CertificateDetails d = CertificateDetails.of(issued.chain(), true, CLOCK);

        HexFormat hex = HexFormat.of().withUpperCase();
        assertThat(d.thumbprint().hex()).isEqualTo(hex.formatHex(MessageDigest.getInstance("SHA-1").digest(der)));
        assertThat(d.sha256()).isEqualTo(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        assertThat(d.subject()).isEqualTo("O=ccsfront tests,CN=www.contoso.com");
        assertThat(d.issuer()).isEqualTo("O=ccsfront tests,CN=ccsfront Test Intermediate CA");
        assertThat(new BigInteger(d.serialNumber(), 16)).isEqualTo(cert.getSerialNumber());
        assertThat(d.dnsNames()).containsExactly("www.contoso.com", "contoso.com");
        assertThat(d.ipAddresses()).containsExactly("192.0.2.10");
        assertThat(d.notBefore()).isEqualTo(FROM);
        assertThat(d.notAfter()).isEqualTo(TO);
        assertThat(d.keyAlgorithm()).isEqualTo("EC");
        assertThat(d.keyBits()).isEqualTo(256);
        assertThat(d.keyDescription()).isEqualTo("EC 256");
        assertThat(d.hasPrivateKey()).isTrue();
        assertThat(d.chain()).containsExactly(
                new CertificateDetails.ChainElement("O=ccsfront tests,CN=www.contoso.com", d.thumbprint()),
                new CertificateDetails.ChainElement("O=ccsfront tests,CN=ccsfront Test Intermediate CA",
                        Thumbprint.of(PKI.intermediate().certificate().getEncoded())));
        assertThat(d.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"EC, EC, 256", "EC384, EC, 384", "RSA, RSA, 2048", "RSA3072, RSA, 3072", "RSA1024, RSA, 1024"})
    void keyAlgorithmAndSizeAreShown(String keyType, String algorithm, int bits) {
        CertificateDetails d = CertificateDetails.of(leaf(LeafSpec.names("k.contoso.com").key(keyType)).chain(), false, CLOCK);

        assertThat(d.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(d.keyBits()).isEqualTo(bits);
        assertThat(d.hasPrivateKey()).isFalse();
    }

    @Test
    void detailsOfAStoredCertificateKnowWhetherItHasAKey() {
        Issued issued = leaf(LeafSpec.names("www.contoso.com"));

        assertThat(CertificateDetails.of(issued.stored(), CLOCK).hasPrivateKey()).isTrue();
        assertThat(CertificateDetails.of(issued.storedWithoutKey(), CLOCK).hasPrivateKey()).isFalse();
        assertThat(CertificateDetails.of(issued.stored(), CLOCK).thumbprint()).isEqualTo(issued.stored().thumbprint());
    }

    @ParameterizedTest
    @CsvSource({"1, 01", "255, FF", "256, 0100", "4096, 1000"})
    void serialNumbersAreWholeHexBytes(long serial, String hex) {
        assertThat(CertificateDetails.serialHex(BigInteger.valueOf(serial))).isEqualTo(hex);
    }
}
