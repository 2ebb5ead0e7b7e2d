package io.ccsfront.node.tls;

import io.ccsfront.cert.CertificateSummary;
import io.ccsfront.cert.Thumbprint;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate ready for the TLS engine: the parsed chain and the opened private key. Lives
 * only in the bounded {@link CertificateCache}; {@link #toString()} never shows the key.
 */
record PreparedCertificate(Thumbprint thumbprint, CertificateSummary summary, X509Certificate[] chain, PrivateKey key,
                           String alias) {

    @Override
    public String toString() {
        return "PreparedCertificate[" + thumbprint + " " + summary.label() + "]";
    }
}
