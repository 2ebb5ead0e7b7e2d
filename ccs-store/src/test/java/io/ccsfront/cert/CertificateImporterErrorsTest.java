package io.ccsfront.cert;

import static io.ccsfront.cert.CertificateImporterTest.EC;
import static io.ccsfront.cert.CertificateImporterTest.PW;
import static io.ccsfront.cert.CertificateImporterTest.RSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The named failures of the importer, and the CCS .crt + .key pair. */
class CertificateImporterErrorsTest {

    static final char[] WRONG = "not-the-password".toCharArray();

    static Stream<Arguments> passwordProtected() {
        byte[] chain = TestFiles.pemCerts(RSA.chain());
        return Stream.of(
                Arguments.of("modern PFX", TestFiles.jdkPfx(EC.chain(), EC.key(), PW), "PFX password"),
                Arguments.of("legacy PFX", TestFiles.legacyPfx(RSA.chain(), PW, RSA.key()), "PFX password"),
                Arguments.of("encrypted PKCS#8 PEM", TestFiles.concat(chain, TestFiles.encryptedPkcs8(RSA.key(), PW)),
                        "encrypted private key"),
                Arguments.of("legacy DEK-Info PEM", TestFiles.concat(chain, TestFiles.legacyEncrypted(RSA.key(), PW, "AES-256-CBC")),
                        "encrypted private key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwordProtected")
    void wrongPasswordIsNamed(String kind, byte[] file, String what) {
        assertThatThrownBy(() -> CertificateImporter.read(file, WRONG, "www.contoso.com.pfx"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageStartingWith("www.contoso.com.pfx: wrong ")
                .hasMessageContaining(what)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwordProtected")
    void missingPasswordIsNamed(String kind, byte[] file, String what) {
        assertThatThrownBy(() -> CertificateImporter.read(file, null, "site.pem"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageEndingWith("no password was given");
    }

    @Test
    void pfxWithTheEmptyPasswordOpensWithAnEmptyOrNoPassword() {
        byte[] pfx = TestFiles.jdkPfx(EC.chain(), EC.key(), new char[0]);

        assertThat(CertificateImporter.read(pfx, new char[0]).hasPrivateKey()).isTrue();
        assertThat(CertificateImporter.read(pfx, null).hasPrivateKey()).isTrue();
    }

    @Test
    void wrongPfxPasswordIsNamed() {
        byte[] pfx = TestFiles.jdkPfx(EC.chain(), EC.key(), PW);

        assertThatThrownBy(() -> CertificateImporter.read(pfx, WRONG, "a.pfx"))
                .isInstanceOf(WrongPasswordException.class).hasMessage("a.pfx: wrong PFX password");
    }

    @Test
    void keyOfAnotherCertificateIsAMismatch() {
        byte[] pem = TestFiles.concat(TestFiles.pemCerts(EC.chain()), TestFiles.pkcs8(TestPki.get().leaf("x.example").key()));

        assertThatThrownBy(() -> CertificateImporter.read(pem, null))
                .isInstanceOf(KeyMismatchException.class)
                .hasMessage("private key does not match the public key of certificate " + EC.stored().thumbprint()
                        + " (" + EC.certificate().getSubjectX500Principal().getName() + ")")
                .extracting(e -> ((KeyMismatchException) e).thumbprint()).isEqualTo(EC.stored().thumbprint());
    }

    @Test
    void rsaKeyWithAnEcCertificateIsAMismatch() {
        byte[] pem = TestFiles.concat(TestFiles.pemCerts(EC.chain()), TestFiles.traditional(RSA.key()));

        assertThatThrownBy(() -> CertificateImporter.read(pem, null)).isInstanceOf(KeyMismatchException.class);
    }

    static Stream<Arguments> unreadable() {
        byte[] pfx = TestFiles.jdkPfx(EC.chain(), EC.key(), PW);
        byte[] der = Thumbprints.der(EC.certificate());
        String pem = new String(TestFiles.pemCerts(EC.chain()), StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("empty file", new byte[0], "file is empty"),
                Arguments.of("only blank lines", "\n\r\n  \n".getBytes(), "file is empty"),
                Arguments.of("binary garbage", new byte[] {0x00, 0x13, 0x7f, (byte) 0xff, 0x42}, "unknown format"),
                Arguments.of("plain text", "hello, this is not a certificate\n".getBytes(), "not PEM"),
                Arguments.of("truncated PFX", Arrays.copyOf(pfx, pfx.length / 2), "corrupt or truncated DER"),
                Arguments.of("truncated DER certificate", Arrays.copyOf(der, der.length - 20), "corrupt or truncated DER"),
                Arguments.of("PEM cut before its END line", pem.substring(0, pem.length() / 3).getBytes(), "corrupt or truncated PEM"),
                Arguments.of("PEM with corrupt base64", pem.replace("MII", "M*I").getBytes(), "PEM"),
                Arguments.of("DER of something else", new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}, "not an X.509 certificate"),
                Arguments.of("PEM key without certificate", TestFiles.pkcs8(EC.key()), "holds a private key but no certificate"),
                Arguments.of("PEM of an unknown block only", "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n".getBytes(),
                        "no certificate found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableFilesAreNamedInOneLine(String kind, byte[] file, String problem) {
        assertThatThrownBy(() -> CertificateImporter.read(file, PW, "broken.bin"))
                .isInstanceOf(UnreadableCertificateException.class)
                .hasMessageStartingWith("broken.bin: ")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("\tat ");
    }

    @Test
    void certificateRequestIsNotACertificate() {
        byte[] csr = CertificateRequests.create(new CsrSubject("www.contoso.com", null, null, null, null, null),
                List.of("www.contoso.com"), KeySpec.EC_P256, TestPki.PROTECTOR, java.time.Clock.systemUTC()).csrPem()
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CertificateImporter.read(csr, null))
                .isInstanceOf(UnreadableCertificateException.class).hasMessageContaining("certificate request (CSR)");
    }

    @Test
    void ccsCrtAndKeyPairIsRead() {
        ImportedCertificate plain = CertificateImporter.readPair(TestFiles.pemCerts(EC.chain()), TestFiles.traditional(EC.key()),
                null, "www.contoso.com");
        ImportedCertificate encrypted = CertificateImporter.readPair(Thumbprints.der(RSA.certificate()),
                TestFiles.encryptedPkcs8(RSA.key(), PW), PW, "rsa.contoso.com");

        assertThat(plain.chain()).containsExactlyElementsOf(EC.chain());
        assertThat(TestFiles.signsFor(plain.privateKey(), EC.certificate().getPublicKey())).isTrue();
        assertThat(encrypted.thumbprint()).isEqualTo(RSA.stored().thumbprint());
        assertThat(TestFiles.signsFor(encrypted.privateKey(), RSA.certificate().getPublicKey())).isTrue();
    }

    @Test
    void ccsPairWithTheKeyOfAnotherSiteIsAMismatch() {
        assertThatThrownBy(() -> CertificateImporter.readPair(TestFiles.pemCerts(EC.chain()), TestFiles.pkcs8(RSA.key()),
                null, "www.contoso.com")).isInstanceOf(KeyMismatchException.class);
    }

    @Test
    void ccsPairWhoseKeyFileHoldsNoKeyNamesTheKeyFile() {
        assertThatThrownBy(() -> CertificateImporter.readPair(TestFiles.pemCerts(EC.chain()), TestFiles.pemCerts(EC.chain()),
                null, "www.contoso.com"))
                .isInstanceOf(UnreadableCertificateException.class).hasMessage("www.contoso.com.key: no private key found");
    }

    @Test
    void ccsPairWithAWrongKeyPasswordIsNamed() {
        assertThatThrownBy(() -> CertificateImporter.readPair(TestFiles.pemCerts(EC.chain()),
                TestFiles.encryptedPkcs8(EC.key(), PW), WRONG, "_.contoso.com"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("_.contoso.com.key: wrong password for the encrypted private key");
    }
}
