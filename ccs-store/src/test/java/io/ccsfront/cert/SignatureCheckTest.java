package io.ccsfront.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ccsfront.testing.TestPki;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Bouncy Castle ECDSA path and the remembered answers agree with the JDK's own verification. */
class SignatureCheckTest {

    private final TestPki pki = TestPki.get();

    @Test
    void ecdsaP256LeafVerifiesUnderItsIssuerOnlyAsTheJdkSays() throws Exception {
        X509Certificate leaf = pki.leaf("sig.example.test").certificate();
        X509Certificate intermediate = pki.intermediate().certificate();
        leaf.verify(intermediate.getPublicKey()); // the JDK agrees it is signed by the intermediate
        assertTrue(SignatureCheck.verifies(leaf, intermediate.getPublicKey()));
        assertTrue(SignatureCheck.verifies(leaf, intermediate.getPublicKey()), "remembered answer");
        assertFalse(SignatureCheck.verifies(leaf, pki.root().certificate().getPublicKey()), "another EC key");
        assertFalse(SignatureCheck.verifies(leaf, leaf.getPublicKey()), "its own key");
        assertFalse(SignatureCheck.verifies(leaf, pki.leaf("other.example.test").certificate().getPublicKey()));
    }

    @Test
    void selfSignedP384AndRsaCertificatesVerifyThemselves() {
        for (String type : List.of("EC384", "RSA")) {
            X509Certificate self = pki.leaf(TestPki.LeafSpec.names("self-" + type.toLowerCase() + ".example.test").key(type).asSelfSigned())
                    .certificate();
            assertTrue(SignatureCheck.verifies(self, self.getPublicKey()), type);
            assertFalse(SignatureCheck.verifies(self, pki.intermediate().certificate().getPublicKey()), type);
        }
    }

    @Test
    void aCopiedSignatureOnOtherContentIsNotTakenFromMemory() throws Exception {
        X509Certificate a = pki.leaf("a.example.test").certificate();
        X509Certificate b = pki.leaf("b.example.test").certificate();
        var key = pki.intermediate().certificate().getPublicKey();
        assertTrue(SignatureCheck.verifies(a, key));
        assertTrue(SignatureCheck.verifies(b, key));
        assertFalse(java.util.Arrays.equals(a.getSignature(), b.getSignature()));
        assertArrayEquals(a.getEncoded(), a.getEncoded());
        // a certificate claiming a's signature over b's content: the JDK refuses it, so must we
        byte[] forged = b.getEncoded();
        byte[] sigA = a.getSignature();
        byte[] sigB = b.getSignature();
        int at = indexOf(forged, sigB);
        if (sigA.length == sigB.length && at >= 0) {
            System.arraycopy(sigA, 0, forged, at, sigA.length);
            X509Certificate f = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(forged));
            assertFalse(SignatureCheck.verifies(f, key));
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
