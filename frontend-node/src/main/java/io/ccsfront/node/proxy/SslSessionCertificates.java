package io.ccsfront.node.proxy;

import io.ccsfront.cert.CertificateSummary;
import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSession;

/** {@link ServedCertificates#fromSslSession()}: the summary cached in the session's value table. */
final class SslSessionCertificates implements ServedCertificates {

    static final SslSessionCertificates INSTANCE = new SslSessionCertificates();

    /** Session value name; namespaced so no other code's value collides with it. */
    static final String KEY = "io.ccsfront.proxy.servedCertificate";

    private SslSessionCertificates() {
    }

    @Override
    public CertificateSummary servedOn(HttpServerRequest req) {
        SSLSession session = req.connection().sslSession();
        if (session == null) {
            return null;
        }
        Object cached = session.getValue(KEY);
        if (cached instanceof CertificateSummary) {
            return (CertificateSummary) cached;
        }
        Certificate[] local = session.getLocalCertificates();
        if (local == null || local.length == 0 || !(local[0] instanceof X509Certificate)) {
            return null;
        }
        CertificateSummary summary = CertificateSummary.of((X509Certificate) local[0]);
        session.putValue(KEY, summary);
        return summary;
    }
}
