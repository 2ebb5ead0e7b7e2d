package io.ccsfront.cert;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules behind {@link CertificateDetails#warnings()}. */
final class WarningRules {

    static final int MIN_RSA_BITS = 2048;
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private WarningRules() {
    }

    /** The warnings about {@code chain} (leaf first) at {@code clock}'s now. */
    static List<CertificateWarning> check(List<X509Certificate> chain, Clock clock) {
        X509Certificate leaf = chain.get(0);
        List<CertificateWarning> out = new ArrayList<>();
        Instant now = clock.instant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            out.add(new CertificateWarning(CertificateWarning.Code.EXPIRED, "expired on " + notAfter));
        } else if (now.isBefore(notBefore)) {
            out.add(new CertificateWarning(CertificateWarning.Code.NOT_YET_VALID, "not valid before " + notBefore));
        }
        PublicKey key = leaf.getPublicKey();
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            out.add(new CertificateWarning(CertificateWarning.Code.WEAK_RSA, "RSA key of " + rsa.getModulus().bitLength()
                    + " bits is below " + MIN_RSA_BITS));
        }
        boolean selfSigned = ChainOrder.selfSigned(leaf);
        if (selfSigned) {
            out.add(new CertificateWarning(CertificateWarning.Code.SELF_SIGNED, "self-signed: clients will not trust it"));
        } else if (!issuerPresent(chain)) {
            out.add(new CertificateWarning(CertificateWarning.Code.CHAIN_INCOMPLETE, "issuer "
                    + leaf.getIssuerX500Principal().getName() + " is not in the chain: intermediate certificates are missing"));
        }
        List<String> eku = extendedKeyUsage(leaf);
        if (eku != null && !eku.contains(SERVER_AUTH) && !eku.contains(ANY_EXTENDED_KEY_USAGE)) {
            out.add(new CertificateWarning(CertificateWarning.Code.NO_SERVER_AUTH,
                    "extended key usage lacks serverAuth: " + String.join(", ", eku)));
        }
        return out;
    }

    /** "RSA", "EC", "Ed25519", ... */
    static String keyAlgorithm(PublicKey key) {
        return key.getAlgorithm();
    }

    /** RSA modulus bits, EC field bits; 255 / 448 for EdDSA; 0 when unknown. */
    static int keyBits(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if ("Ed25519".equals(key.getAlgorithm())) {
            return 255;
        }
        if ("Ed448".equals(key.getAlgorithm())) {
            return 448;
        }
        return 0;
    }

    private static boolean issuerPresent(List<X509Certificate> chain) {
        X509Certificate leaf = chain.get(0);
        for (int i = 1; i < chain.size(); i++) {
            if (ChainOrder.issued(chain.get(i), leaf)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> extendedKeyUsage(X509Certificate leaf) {
        try {
            return leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return List.of("unreadable");
        }
    }
}
