package io.ccsfront.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.testing.TestPki;
import io.ccsfront.testing.TestPki.Issued;
import io.ccsfront.testing.TestPki.LeafSpec;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PfxExporterTest {

    static final char[] PW = "Export-Pa55".toCharArray();
    static final TestPki PKI = TestPki.get();

    static Stream<Arguments> certificates() {
        return Stream.of(
                Arguments.of("ECDSA P-256, CA-issued", PKI.leaf("www.contoso.com", "contoso.com")),
                Arguments.of("RSA 2048, CA-issued", PKI.leaf(LeafSpec.names("rsa.contoso.com").key("RSA"))),
                Arguments.of("ECDSA P-384, self-signed", PKI.leaf(LeafSpec.names("self.contoso.com").key("EC384").asSelfSigned())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void exportedPfxReimportsWithTheSameThumbprintChainAndAWorkingKey(String kind, Issued issued) {
        byte[] pfx = PfxExporter.export(issued.chain(), issued.key(), PW);

        ImportedCertificate back = CertificateImporter.read(pfx, PW, "export.pfx");

        assertThat(back.thumbprint()).isEqualTo(issued.stored().thumbprint());
        assertThat(back.chain()).containsExactlyElementsOf(issued.chain());
        assertThat(TestFiles.signsFor(back.privateKey(), issued.certificate().getPublicKey())).isTrue();
        assertThat(back.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void jdkKeyStoreLoadsTheExportUnderItsFriendlyName(String kind, Issued issued) throws Exception {
        byte[] pfx = PfxExporter.export(issued.chain(), issued.key(), PW, "Contoso 2026");

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(pfx), PW);

        assertThat(Collections.list(ks.aliases())).containsExactly("contoso 2026");
        assertThat(ks.isKeyEntry("contoso 2026")).isTrue();
        assertThat(ks.getCertificateChain("contoso 2026")).containsExactlyElementsOf(issued.chain());
        PrivateKey key = (PrivateKey) ks.getKey("contoso 2026", PW);
        assertThat(TestFiles.signsFor(key, issued.certificate().getPublicKey())).isTrue();
    }

    @Test
    void exportUsesPbes2Aes256WithHmacSha256AndASha256Mac() {
        Issued issued = PKI.leaf("www.contoso.com");
        Pfx pfx = Pfx.getInstance(PfxExporter.export(issued.chain(), issued.key(), PW));

        MacData mac = pfx.getMacData();
        assertThat(mac.getMac().getAlgorithmId().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(mac.getIterationCount().intValue()).isEqualTo(PfxExporter.ITERATIONS);

        List<AlgorithmIdentifier> certEncryption = new ArrayList<>();
        List<AlgorithmIdentifier> keyEncryption = new ArrayList<>();
        int plainKeys = 0;
        byte[] authSafe = ASN1OctetString.getInstance(pfx.getAuthSafe().getContent()).getOctets();
        for (ContentInfo part : AuthenticatedSafe.getInstance(authSafe).getContentInfo()) {
            if (part.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                certEncryption.add(EncryptedData.getInstance(part.getContent()).getEncryptionAlgorithm());
                continue;
            }
            assertThat(part.getContentType()).isEqualTo(PKCSObjectIdentifiers.data);
            ASN1Sequence bags = ASN1Sequence.getInstance(ASN1OctetString.getInstance(part.getContent()).getOctets());
            for (int i = 0; i < bags.size(); i++) {
                SafeBag bag = SafeBag.getInstance(bags.getObjectAt(i));
                if (bag.getBagId().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                    keyEncryption.add(EncryptedPrivateKeyInfo.getInstance(bag.getBagValue()).getEncryptionAlgorithm());
                } else {
                    plainKeys += bag.getBagId().equals(PKCSObjectIdentifiers.keyBag) ? 1 : 0;
                    assertThat(bag.getBagId()).isNotEqualTo(PKCSObjectIdentifiers.certBag);
                }
            }
        }
        assertThat(certEncryption).hasSize(1).allSatisfy(PfxExporterTest::isPbes2Aes256HmacSha256);
        assertThat(keyEncryption).hasSize(1).allSatisfy(PfxExporterTest::isPbes2Aes256HmacSha256);
        assertThat(plainKeys).isZero();
    }

    static void isPbes2Aes256HmacSha256(AlgorithmIdentifier alg) {
        assertThat(alg.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters p = PBES2Parameters.getInstance(alg.getParameters());
        assertThat(p.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
        assertThat(p.getKeyDerivationFunc().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
        PBKDF2Params kdf = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
        assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(kdf.getIterationCount().intValue()).isEqualTo(PfxExporter.ITERATIONS);
    }

    @Test
    void storedCertificateExportsWithTheKeyOpenedFromItsSeal() {
        Issued issued = PKI.leaf("www.contoso.com");
        StoredCertificate stored = issued.stored();

        ImportedCertificate back = CertificateImporter.read(PfxExporter.export(stored, TestPki.PROTECTOR, PW), PW);

        assertThat(back.thumbprint()).isEqualTo(stored.thumbprint());
        assertThat(TestFiles.signsFor(back.privateKey(), issued.certificate().getPublicKey())).isTrue();
    }

    @Test
    void wrongPasswordOnTheExportIsNamed() {
        Issued issued = PKI.leaf("www.contoso.com");
        byte[] pfx = PfxExporter.export(issued.chain(), issued.key(), PW);

        assertThatThrownBy(() -> CertificateImporter.read(pfx, "guess".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void exportWithoutPasswordIsRefused() {
        Issued issued = PKI.leaf("www.contoso.com");

        assertThatThrownBy(() -> PfxExporter.export(issued.chain(), issued.key(), new char[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PFX export needs a password: exports must be password protected");
        assertThatThrownBy(() -> PfxExporter.export(issued.chain(), issued.key(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exportOfAKeyThatIsNotTheLeafsIsAMismatch() {
        Issued issued = PKI.leaf("www.contoso.com");
        Issued other = PKI.leaf("other.example");

        assertThatThrownBy(() -> PfxExporter.export(issued.chain(), other.key(), PW))
                .isInstanceOf(KeyMismatchException.class)
                .hasMessageContaining(issued.stored().thumbprint().hex());
    }

    @Test
    void storedCertificateWithoutKeyCannotBeExported() {
        StoredCertificate noKey = PKI.leaf("www.contoso.com").storedWithoutKey();

        assertThatThrownBy(() -> PfxExporter.export(noKey, TestPki.PROTECTOR, PW))
                .isInstanceOf(KeyUnavailableException.class).hasMessageContaining("has no private key");
    }
}
