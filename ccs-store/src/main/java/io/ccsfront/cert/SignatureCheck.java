package io.ccsfront.cert;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * "Did this key sign this certificate?", as chain ordering and the self-signed check ask it.
 *
 * <p>Importing a CCS folder asks it about three times per file, and the answers repeat: every leaf
 * of a folder usually names the same intermediate, whose self-signature is checked again each
 * time. So the answers are remembered (bounded; keyed by the whole certificate encoding and the
 * whole key, so nothing but an identical question gets a remembered answer), and ECDSA signatures
 * on the curves Bouncy Castle has optimised arithmetic for (P-256, P-384) are checked with it: the
 * JDK 17 provider's pure-Java P-256 verification dominated a 20,000-file import profile.
 */
final class SignatureCheck {

    private static final int MEMORY = 4096;
    private static final Map<Question, Boolean> ANSWERS = new ConcurrentHashMap<>();

    private record Question(ByteBuffer certificate, ByteBuffer key) {
    }

    private SignatureCheck() {
    }

    /**
     * Whether {@code key} verifies {@code cert}'s signature. A signature algorithm this JDK lacks
     * counts as verified (the caller matched the names; the certificate is only being ordered).
     */
    static boolean verifies(X509Certificate cert, PublicKey key) {
        Question q;
        try {
            q = new Question(ByteBuffer.wrap(cert.getEncoded()), ByteBuffer.wrap(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            return false;
        }
        Boolean known = ANSWERS.get(q);
        if (known != null) {
            return known;
        }
        boolean answer = check(cert, key);
        if (ANSWERS.size() >= MEMORY) {
            ANSWERS.clear();
        }
        ANSWERS.put(q, answer);
        return answer;
    }

    private static boolean check(X509Certificate cert, PublicKey key) {
        Boolean ec = ecdsa(cert, key);
        if (ec != null) {
            return ec;
        }
        try {
            cert.verify(key);
            return true;
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** ECDSA with SHA-2 on a named curve through Bouncy Castle; null when not applicable. */
    private static Boolean ecdsa(X509Certificate cert, PublicKey key) {
        String digest = switch (cert.getSigAlgOID()) {
            case "1.2.840.10045.4.3.2" -> "SHA-256";
            case "1.2.840.10045.4.3.3" -> "SHA-384";
            case "1.2.840.10045.4.3.4" -> "SHA-512";
            default -> null;
        };
        if (digest == null || !"EC".equals(key.getAlgorithm())) {
            return null;
        }
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid)) {
                return null;
            }
            X9ECParameters x9 = Keys.curve(oid);
            if (x9 == null) {
                return null;
            }
            ECDomainParameters domain = new ECDomainParameters(x9);
            ECPublicKeyParameters pub = new ECPublicKeyParameters(x9.getCurve().decodePoint(spki.getPublicKeyData().getBytes()), domain);
            ASN1Sequence sig = ASN1Sequence.getInstance(cert.getSignature());
            if (sig.size() != 2) {
                return false;
            }
            byte[] hash = MessageDigest.getInstance(digest).digest(cert.getTBSCertificate());
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, pub);
            return signer.verifySignature(hash, ASN1Integer.getInstance(sig.getObjectAt(0)).getPositiveValue(),
                    ASN1Integer.getInstance(sig.getObjectAt(1)).getPositiveValue());
        } catch (GeneralSecurityException | RuntimeException e) {
            return null; // unparsable here: let the JDK decide
        }
    }
}
