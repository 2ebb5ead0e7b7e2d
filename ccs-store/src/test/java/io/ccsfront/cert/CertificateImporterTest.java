package io.ccsfront.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.testing.TestPki;
import io.ccsfront.testing.TestPki.Issued;
import io.ccsfront.testing.TestPki.LeafSpec;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateImporterTest {

    static final char[] PW = "Pa55-word".toCharArray();
    static final TestPki PKI = TestPki.get();
    static final Issued EC = PKI.leaf("www.contoso.com", "contoso.com");
    static final Issued RSA = PKI.leaf(LeafSpec.names("rsa.contoso.com").key("RSA"));
    static final Issued ROOT = PKI.root();

    interface Writer {
        byte[] write(Issued issued, char[] password);
    }

    static List<X509Certificate> fullChain(Issued i) {
        List<X509Certificate> chain = new ArrayList<>(i.chain());
        chain.add(ROOT.certificate());
        return chain;
    }

    static Stream<Arguments> filesWithKey() {
        return Stream.of(
                Arguments.of("PFX as the JDK writes it (AES-256, HMAC-SHA256)", EC,
                        (Writer) (i, pw) -> TestFiles.jdkPfx(i.chain(), i.key(), pw)),
                Arguments.of("PFX, legacy Windows profile (3DES, RC2-40, SHA-1)", RSA,
                        (Writer) (i, pw) -> TestFiles.legacyPfx(i.chain(), pw, i.key())),
                Arguments.of("PEM chain + PKCS#8 key", EC,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()), TestFiles.pkcs8(i.key()))),
                Arguments.of("PEM chain + encrypted PKCS#8 key", RSA,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()), TestFiles.encryptedPkcs8(i.key(), pw))),
                Arguments.of("PEM chain + PKCS#1 RSA key", RSA,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()), TestFiles.traditional(i.key()))),
                Arguments.of("PEM key first, then the chain", RSA,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.traditional(i.key()), TestFiles.pemCerts(i.chain()))),
                Arguments.of("PEM chain + legacy encrypted RSA key (AES-128-CBC DEK-Info)", RSA,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()),
                                TestFiles.legacyEncrypted(i.key(), pw, "AES-128-CBC"))),
                Arguments.of("PEM chain + legacy encrypted RSA key (DES-EDE3-CBC DEK-Info)", RSA,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()),
                                TestFiles.legacyEncrypted(i.key(), pw, "DES-EDE3-CBC"))),
                Arguments.of("PEM chain + SEC1 EC key naming its curve (openssl)", EC,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()), TestFiles.sec1WithCurve(i.key()))),
                Arguments.of("PEM chain + SEC1 EC key without curve (Bouncy Castle)", EC,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()), TestFiles.traditional(i.key()))),
                Arguments.of("PEM chain + legacy encrypted SEC1 EC key", EC,
                        (Writer) (i, pw) -> TestFiles.concat(TestFiles.pemCerts(i.chain()),
                                TestFiles.legacyEncrypted(i.key(), pw, "AES-256-CBC"))),
                Arguments.of("PEM with Windows line ends and text between blocks", EC,
                        (Writer) (i, pw) -> new String(TestFiles.concat("Bag Attributes\n".getBytes(),
                                TestFiles.pemCerts(i.chain()), "subject=CN = x\n".getBytes(), TestFiles.pkcs8(i.key())))
                                .replace("\n", "\r\n").getBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithKey")
    void everyFormatWithAKeyYieldsTheChainLeafFirstAndAWorkingKey(String format, Issued issued, Writer writer) {
        ImportedCertificate imported = CertificateImporter.read(writer.write(issued, PW), PW);

        assertThat(imported.chain()).containsExactlyElementsOf(issued.chain());
        assertThat(imported.thumbprint()).isEqualTo(issued.stored().thumbprint());
        assertThat(imported.hasPrivateKey()).isTrue();
        assertThat(imported.privateKey().getAlgorithm()).isEqualTo(issued.key().getAlgorithm());
        assertThat(TestFiles.signsFor(imported.privateKey(), issued.certificate().getPublicKey())).isTrue();
        assertThat(imported.warnings()).isEmpty();
    }

    static Stream<Arguments> certificateOnlyFiles() {
        List<X509Certificate> reversed = new ArrayList<>(fullChain(EC));
        Collections.reverse(reversed);
        return Stream.of(
                Arguments.of("DER .cer of the leaf", TestFiles.concat(der(EC.certificate())), List.of(EC.certificate())),
                Arguments.of("PEM .crt of the leaf", TestFiles.pemCerts(List.of(EC.certificate())), List.of(EC.certificate())),
                Arguments.of("PEM chain root first", TestFiles.pemCerts(reversed), fullChain(EC)),
                Arguments.of("P7B DER, root first", TestFiles.p7b(reversed), fullChain(EC)),
                Arguments.of("P7B PEM, root first", TestFiles.p7bPem(reversed), fullChain(EC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificateOnlyFiles")
    void certificateOnlyFormatsYieldTheChainLeafFirstWithoutKey(String format, byte[] file, List<X509Certificate> expected) {
        ImportedCertificate imported = CertificateImporter.read(file, null);

        assertThat(imported.chain()).containsExactlyElementsOf(expected);
        assertThat(imported.privateKey()).isNull();
        assertThat(imported.toStored(TestPki.PROTECTOR).hasPrivateKey()).isFalse();
    }

    static Stream<Arguments> orders() {
        X509Certificate leaf = EC.certificate();
        X509Certificate mid = PKI.intermediate().certificate();
        X509Certificate root = ROOT.certificate();
        return Stream.of(Arguments.of(List.of(leaf, mid, root)), Arguments.of(List.of(root, mid, leaf)),
                Arguments.of(List.of(mid, leaf, root)), Arguments.of(List.of(root, leaf, mid)),
                Arguments.of(List.of(mid, root, leaf)), Arguments.of(List.of(leaf, root, mid)));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void pemChainInAnyOrderIsReorderedLeafFirst(List<X509Certificate> order) {
        ImportedCertificate imported = CertificateImporter.read(
                TestFiles.concat(TestFiles.pemCerts(order), TestFiles.pkcs8(EC.key())), null);

        assertThat(imported.chain()).containsExactlyElementsOf(fullChain(EC));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void pfxChainInAnyOrderIsReorderedLeafFirst(List<X509Certificate> order) {
        ImportedCertificate imported = CertificateImporter.read(TestFiles.legacyPfx(order, PW, EC.key()), PW);

        assertThat(imported.chain()).containsExactlyElementsOf(fullChain(EC));
    }

    @Test
    void duplicateCertificatesAreReadOnce() {
        byte[] pem = TestFiles.pemCerts(List.of(EC.certificate(), EC.certificate(), PKI.intermediate().certificate()));

        assertThat(CertificateImporter.read(pem, null).chain()).containsExactlyElementsOf(EC.chain());
    }

    @Test
    void pfxWithSeveralCertificatesPicksTheOneWithTheKeyAndWarnsAboutTheRest() {
        Issued other = PKI.leaf("other.example");
        List<X509Certificate> certs = List.of(other.certificate(), PKI.intermediate().certificate(), EC.certificate());

        ImportedCertificate imported = CertificateImporter.read(TestFiles.legacyPfx(certs, PW, EC.key()), PW);

        assertThat(imported.chain()).containsExactlyElementsOf(EC.chain());
        assertThat(imported.warnings()).singleElement().asString()
                .contains("ignored 1 certificate(s)").contains(other.stored().thumbprint().hex());
    }

    @Test
    void pfxWithTwoPrivateKeysIsRefusedByName() {
        Issued other = PKI.leaf("other.example");
        byte[] pfx = TestFiles.legacyPfx(List.of(EC.certificate(), other.certificate()), PW, EC.key(), other.key());

        assertThatThrownBy(() -> CertificateImporter.read(pfx, PW, "both.pfx"))
                .isInstanceOf(UnreadableCertificateException.class)
                .hasMessage("both.pfx: holds 2 private keys; import takes a file with exactly one");
    }

    @Test
    void certificatesWithoutKeyAndWithoutChainLinkTakeTheFirstEndEntity() {
        Issued other = PKI.leaf("other.example");
        byte[] pem = TestFiles.pemCerts(List.of(PKI.intermediate().certificate(), other.certificate(), EC.certificate()));

        ImportedCertificate imported = CertificateImporter.read(pem, null);

        assertThat(imported.leaf()).isEqualTo(other.certificate());
        assertThat(imported.warnings()).singleElement().asString().contains(EC.stored().thumbprint().hex());
    }

    @Test
    void selfSignedCertificateIsItsOwnChain() {
        Issued self = PKI.leaf(LeafSpec.names("self.example").asSelfSigned());

        ImportedCertificate imported = CertificateImporter.read(
                TestFiles.concat(TestFiles.pemCerts(List.of(self.certificate())), TestFiles.traditional(self.key())), null);

        assertThat(imported.chain()).containsExactly(self.certificate());
    }

    @Test
    void toStoredSealsTheKeyForTheSameThumbprint() {
        ImportedCertificate imported = CertificateImporter.read(TestFiles.jdkPfx(EC.chain(), EC.key(), PW), PW);

        StoredCertificate stored = imported.toStored(TestPki.PROTECTOR);

        assertThat(stored.thumbprint()).isEqualTo(imported.thumbprint());
        assertThat(stored.chainLength()).isEqualTo(2);
        assertThat(TestFiles.signsFor(stored.openKey(TestPki.PROTECTOR), EC.certificate().getPublicKey())).isTrue();
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        ImportedCertificate imported = CertificateImporter.read(TestFiles.legacyPfx(RSA.chain(), PW, RSA.key()), PW);
        java.security.interfaces.RSAPrivateKey key = (java.security.interfaces.RSAPrivateKey) imported.privateKey();

        String text = imported.toString();

        assertThat(text).contains(imported.thumbprint().hex()).contains("with private key")
                .doesNotContain(key.getPrivateExponent().toString(16)).doesNotContain(key.getPrivateExponent().toString())
                .doesNotContain(HexFormat.of().formatHex(key.getEncoded()).substring(0, 64))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(key.getEncoded()).substring(0, 64));
    }

    @Test
    void fileNameThatDisagreesWithTheContentIsAWarningNotAnError() {
        byte[] pem = TestFiles.pemCerts(EC.chain());

        ImportedCertificate imported = CertificateImporter.read(pem, null, "www.contoso.com.pfx");

        assertThat(imported.chain()).containsExactlyElementsOf(EC.chain());
        assertThat(imported.warnings()).containsExactly(
                "the file name suggests .pfx but the content is PEM; read as PEM");
    }

    static byte[] der(X509Certificate c) {
        return Thumbprints.der(c);
    }
}
