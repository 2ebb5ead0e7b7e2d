package io.ccsfront.node.proxy;

import io.ccsfront.cert.CertificateSummary;
import io.vertx.core.http.HttpServerRequest;

/**
 * Which certificate the front end served on a request's TLS connection: the proxy answers
 * {@code 421 Misdirected Request} when it does not cover the request's host (SPEC.md §3.2).
 * The proxy declares this need; the TLS layer, which chose the certificate during the handshake,
 * supplies the real implementation (the node plugs it in). It is called once per HTTPS request
 * and must be cheap.
 */
@FunctionalInterface
public interface ServedCertificates {

    /**
     * The summary of the leaf certificate served on {@code req}'s connection, or {@code null}
     * for plain HTTP or when it is not known (the proxy then answers 421 on HTTPS: fail closed).
     */
    CertificateSummary servedOn(HttpServerRequest req);

    /**
     * For a proxy without the node's TLS layer (tests, a TLS engine of its own): reads
     * {@code sslSession().getLocalCertificates()[0]} of the request's connection and keeps
     * the summary in the session's own value table ({@link javax.net.ssl.SSLSession#putValue}),
     * so it is parsed once per TLS session and forgotten with it. A value table rather than a
     * map cleared by a close handler: Vert.x 5 keeps one close handler per connection and the
     * listener wiring owns it.
     *
     * <p>Limitation: a TLS engine that reports no local certificate for a resumed session
     * (BoringSSL does not call the key manager on resumption) leaves this answer null, hence
     * 421; the TLS layer's implementation knows the choice it made and has no such gap.
     */
    static ServedCertificates fromSslSession() {
        return SslSessionCertificates.INSTANCE;
    }
}
