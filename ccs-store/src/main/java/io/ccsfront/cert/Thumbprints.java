package io.ccsfront.cert;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** Thumbprints of parsed certificates, without the checked exception. */
final class Thumbprints {

    private Thumbprints() {
    }

    static Thumbprint of(X509Certificate c) {
        return Thumbprint.of(der(c));
    }

    static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CertificateProblem("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }
}
