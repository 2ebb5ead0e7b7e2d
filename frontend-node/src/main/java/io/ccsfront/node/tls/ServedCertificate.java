package io.ccsfront.node.tls;

import io.ccsfront.cert.CertificateSummary;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSession;

/**
 * The certificate served on a TLS connection, as the TLS layer knows it: the seam records the
 * summary of the certificate it chose in the session's own value table when the handshake
 * completes, so it is kept once per TLS session and forgotten with it. This is what the node
 * gives the proxy for its Host check (the proxy declares the need, {@code ServedCertificates};
 * the node's composition root plugs this in).
 */
public final class ServedCertificate {

    /** Session value name; namespaced so no other code's value collides with it. */
    private static final String KEY = "io.ccsfront.tls.servedCertificate";

    private ServedCertificate() {
    }

    /**
     * The summary of the leaf certificate served in {@code session}, or null when there is no
     * session (plain HTTP) or it is not known: the choice the seam recorded, else the session's
     * local certificate (parsed once and kept in the session).
     */
    public static CertificateSummary of(SSLSession session) {
        if (session == null) {
            return null;
        }
        if (session.getValue(KEY) instanceof CertificateSummary s) {
            return s;
        }
        Certificate[] local = session.getLocalCertificates();
        if (local == null || local.length == 0 || !(local[0] instanceof X509Certificate x)) {
            return null;
        }
        CertificateSummary summary = CertificateSummary.of(x);
        session.putValue(KEY, summary);
        return summary;
    }

    /** Records the certificate chosen for the handshake that made {@code session}. */
    static void record(SSLSession session, CertificateSummary summary) {
        session.putValue(KEY, summary);
    }
}
