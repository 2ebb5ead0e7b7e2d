package io.ccsfront.node.tls;

import io.ccsfront.cert.CertificateSummary;
import io.ccsfront.cert.Thumbprint;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate ready for the TLS engine: the parsed chain and the opened private key. Lives
 * only in the bounded {@link CertificateCache}; {@link #toString()} never shows the key. The
 * {@link KeySlot} holds the key's native form for {@link OpenSslSigner}, loaded on its first
 * signature and freed once this certificate is unreachable.
 */
record PreparedCertificate(Thumbprint thumbprint, CertificateSummary summary, X509Certificate[] chain, PrivateKey key,
                           String alias, KeySlot slot) {

    PreparedCertificate(Thumbprint thumbprint, CertificateSummary summary, X509Certificate[] chain, PrivateKey key, String alias) {
        this(thumbprint, summary, chain, key, alias, new KeySlot());
    }

    @Override
    public String toString() {
        return "PreparedCertificate[" + thumbprint + " " + summary.label() + "]";
    }
}
