package io.ccsfront.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.testing.TestPki;
import io.ccsfront.testing.TestPki.Issued;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateRequestsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    static final CsrSubject SUBJECT = new CsrSubject("www.contoso.com", "Contoso Ltd", "Web", "Redmond", "WA", "us");
    static final TestPki PKI = TestPki.get();

    static CertificateRequests.Created create(KeySpec spec) {
        return CertificateRequests.create(SUBJECT, List.of("www.contoso.com", "*.contoso.com", "192.0.2.7"), spec,
                TestPki.PROTECTOR, CLOCK);
    }

    static PKCS10CertificationRequest csr(CertificateRequests.Created created) throws Exception {
        return new PKCS10CertificationRequest(created.request().csrDer());
    }

    @ParameterizedTest
    @CsvSource({"rsa:2048, SHA256WITHRSA", "rsa:3072, SHA256WITHRSA", "ec:p256, SHA256WITHECDSA", "ec:p384, SHA384WITHECDSA"})
    void createdRequestIsASignedCsrWithTheSansAndASealedKey(String keySpec, String signature) throws Exception {
        CertificateRequests.Created created = create(KeySpec.parse(keySpec));
        PendingRequest pending = created.request();
        PKCS10CertificationRequest csr = csr(created);

        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(TestFiles.BC).build(csr.getSubjectPublicKeyInfo()))).isTrue();
        assertThat(new DefaultAlgorithmNameFinder().getAlgorithmName(csr.getSignatureAlgorithm())).isEqualTo(signature);
        assertThat(csr.getSubject().toString()).isEqualTo("C=US,ST=WA,L=Redmond,O=Contoso Ltd,OU=Web,CN=www.contoso.com");
        Extensions ext = Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues().getObjectAt(0));
        GeneralName[] sans = GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName).getNames();
        assertThat(sans).extracting(GeneralName::getTagNo)
                .containsExactly(GeneralName.dNSName, GeneralName.dNSName, GeneralName.iPAddress);
        byte[] spki = csr.getSubjectPublicKeyInfo().getEncoded();
        assertThat(pending.id().hex()).isEqualTo(HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(spki)));
        assertThat(pending.subject()).isEqualTo("CN=www.contoso.com,OU=Web,O=Contoso Ltd,L=Redmond,ST=WA,C=US");
        assertThat(pending.sans()).containsExactly("www.contoso.com", "*.contoso.com", "192.0.2.7");
        assertThat(pending.keySpec()).isEqualTo(keySpec);
        assertThat(pending.created()).isEqualTo(CLOCK.instant());
        PrivateKey key = TestPki.PROTECTOR.open(pending.key(), pending.id());
        assertThat(TestFiles.signsFor(key, Keys.toJdk(csr.getSubjectPublicKeyInfo()))).isTrue();
        assertThat(created.csrPem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n")
                .endsWith("-----END CERTIFICATE REQUEST-----\n");
        assertThat(pending.toString()).doesNotContain(HexFormat.of().formatHex(key.getEncoded()).substring(0, 40));
    }

    @Test
    void csrPemDecodesToTheStoredDer() throws Exception {
        CertificateRequests.Created created = create(KeySpec.EC_P256);
        try (var parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(created.csrPem()))) {
            assertThat(((PKCS10CertificationRequest) parser.readObject()).getEncoded()).isEqualTo(created.request().csrDer());
        }
    }

    interface Answer {
        byte[] encode(List<X509Certificate> chain);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("CER (DER) of the leaf", (Answer) chain -> Thumbprints.der(chain.get(0))),
                Arguments.of("PEM chain, intermediate first", (Answer) chain -> TestFiles.pemCerts(List.of(chain.get(1), chain.get(0)))),
                Arguments.of("P7B with the chain", (Answer) TestFiles::p7b),
                Arguments.of("P7B PEM with the chain", (Answer) TestFiles::p7bPem));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void completedRequestInstallsTheIssuedCertificateWithItsKey(String format, Answer answer) throws Exception {
        CertificateRequests.Created ours = create(KeySpec.EC_P256);
        CertificateRequests.Created other = create(KeySpec.EC_P256);
        Issued issued = PKI.issue(csr(ours));
        List<PendingRequest> pending = List.of(other.request(), ours.request());

        ImportedCertificate done = CertificateRequests.complete(answer.encode(issued.chain()), pending, TestPki.PROTECTOR);

        assertThat(done.thumbprint()).isEqualTo(Thumbprint.of(Thumbprints.der(issued.certificate())));
        assertThat(done.leaf()).isEqualTo(issued.certificate());
        assertThat(TestFiles.signsFor(done.privateKey(), issued.certificate().getPublicKey())).isTrue();
        assertThat(CertificateRequests.requestId(done.leaf())).isEqualTo(ours.request().id());
        if (!format.startsWith("CER")) {
            assertThat(done.chain()).containsExactlyElementsOf(issued.chain());
        }
        StoredCertificate stored = done.toStored(TestPki.PROTECTOR);
        assertThat(stored.summary().names()).containsExactly("www.contoso.com", "*.contoso.com");
        assertThat(stored.summary().ipAddresses()).containsExactly("192.0.2.7");
    }

    @Test
    void rsaRequestCompletesToo() throws Exception {
        CertificateRequests.Created created = create(KeySpec.RSA_2048);
        Issued issued = PKI.issue(csr(created));

        ImportedCertificate done = CertificateRequests.complete(TestFiles.p7b(issued.chain()), List.of(created.request()),
                TestPki.PROTECTOR);

        assertThat(done.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(TestFiles.signsFor(done.privateKey(), done.leaf().getPublicKey())).isTrue();
    }

    @Test
    void certificateForNoPendingRequestIsNamed() throws Exception {
        Issued foreign = PKI.issue(csr(create(KeySpec.EC_P256)));
        List<PendingRequest> pending = List.of(create(KeySpec.EC_P256).request());
        String tp = Thumbprint.of(Thumbprints.der(foreign.certificate())).hex();

        assertThatThrownBy(() -> CertificateRequests.complete(TestFiles.pemCerts(foreign.chain()), pending, TestPki.PROTECTOR))
                .isInstanceOf(NoMatchingRequestException.class)
                .hasMessage("no pending certificate request matches certificate " + tp
                        + " (CN=www.contoso.com,OU=Web,O=Contoso Ltd,L=Redmond,ST=WA,C=US): its public key is in none of the 1 pending request(s)")
                .extracting(e -> ((NoMatchingRequestException) e).thumbprint().hex()).isEqualTo(tp);
    }

    @Test
    void completingWithAPfxIsRefusedByName() throws Exception {
        CertificateRequests.Created created = create(KeySpec.EC_P256);
        Issued leaf = PKI.leaf("www.contoso.com");
        byte[] pfx = TestFiles.jdkPfx(leaf.chain(), leaf.key(), "pw".toCharArray());

        assertThatThrownBy(() -> CertificateRequests.complete(pfx, List.of(created.request()), TestPki.PROTECTOR))
                .isInstanceOf(UnreadableCertificateException.class).hasMessageContaining("is a PFX");
    }

    @Test
    void csrWithoutSansHasNoExtensionRequest() throws Exception {
        CertificateRequests.Created created = CertificateRequests.create(CsrSubject.of("intranet"), List.of(), KeySpec.EC_P256,
                TestPki.PROTECTOR, CLOCK);

        assertThat(csr(created).getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)).isEmpty();
        assertThat(created.request().subject()).isEqualTo("CN=intranet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad_name.contoso.com | SAN is not a valid DNS hostname: bad_name.contoso.com",
            "300.1.2.3            | SAN is not a valid IP address: 300.1.2.3",
            "*.*.contoso.com      | SAN is not a valid DNS hostname: *.contoso.com"})
    void invalidSanIsNamed(String san, String message) {
        assertThatThrownBy(() -> CertificateRequests.create(SUBJECT, new ArrayList<>(List.of(san)), KeySpec.EC_P256,
                TestPki.PROTECTOR, CLOCK)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rsa:2048 | RSA_2048", "RSA:4096 | RSA_4096", " ec:p256 | EC_P256", "ec:P384 | EC_P384", "rsa:3072 | RSA_3072"})
    void keySpecParsesItsTextForms(String text, KeySpec expected) {
        assertThat(KeySpec.parse(text)).isEqualTo(expected);
        assertThat(KeySpec.parse(expected.text())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"rsa:1024", "ec:p521", "dsa:2048", "rsa", "''"})
    void unknownKeySpecIsNamed(String text) {
        assertThatThrownBy(() -> KeySpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key spec must be one of rsa:2048, rsa:3072, rsa:4096, ec:p256, ec:p384: " + text);
    }

    @Test
    void rsa4096KeySpecMakesA4096BitKey() {
        assertThat(((java.security.interfaces.RSAKey) KeySpec.RSA_4096.generate().getPublic()).getModulus().bitLength())
                .isEqualTo(4096);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''              | us  | CN is required",
            "'   '           | us  | CN is required",
            "www.contoso.com | USA | C must be a two-letter country code: USA",
            "www.contoso.com | U1  | C must be a two-letter country code: U1",
            "www.contoso.com | U   | C must be a two-letter country code: U"})
    void invalidSubjectIsNamed(String cn, String country, String message) {
        assertThatThrownBy(() -> new CsrSubject(cn, null, null, null, null, country))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void overlongCommonNameIsNamed() {
        String cn = "a".repeat(65);
        assertThatThrownBy(() -> CsrSubject.of(cn)).hasMessage("CN longer than 64 characters: " + cn);
    }

    @Test
    void subjectKeepsOnlyTheFieldsGiven() {
        CsrSubject s = new CsrSubject(" www.contoso.com ", "", null, "  ", null, "de");

        assertThat(s).isEqualTo(new CsrSubject("www.contoso.com", null, null, null, null, "DE"));
        assertThat(s.toString()).isEqualTo("CN=www.contoso.com,C=DE");
        assertThat(new String(s.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("CN=");
    }
}
