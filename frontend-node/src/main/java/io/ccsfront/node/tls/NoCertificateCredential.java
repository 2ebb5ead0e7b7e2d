package io.ccsfront.node.tls;

import io.ccsfront.cert.SelfSignedCertificates;
import io.netty.handler.ssl.OpenSslCredential;
import io.netty.handler.ssl.OpenSslCredentialBuilder;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Makes BoringSSL end a handshake that has no certificate with {@code handshake_failure}, as
 * SPEC.md §2 asks. Setting no key material makes BoringSSL send {@code internal_error} under
 * TLS 1.3; giving the connection one credential that can never be chosen (it must match an
 * issuer no client names) makes it fail certificate selection with {@code handshake_failure}
 * instead. Added to every BoringSSL connection when its engine is created (adding it later, from
 * the certificate callback, is too late for TLS 1.2): a reference-count increment, no copy.
 */
final class NoCertificateCredential {

    private static volatile OpenSslCredential credential;

    private NoCertificateCredential() {
    }

    static void addTo(ReferenceCountedOpenSslEngine engine) {
        try {
            OpenSslCredential c = get();
            engine.addCredential(c); // the native SSL takes its own reference (SSL_add1_credential)...
            c.release();             // ...so give back the one addCredential took on the Java side
        } catch (SSLException e) {
            throw new IllegalStateException("cannot add the no-certificate credential", e);
        }
    }

    private static OpenSslCredential get() throws SSLException {
        OpenSslCredential c = credential;
        if (c == null) {
            synchronized (NoCertificateCredential.class) {
                c = credential;
                if (c == null) {
                    var g = SelfSignedCertificates.create("no-certificate.invalid", List.of(), Duration.ofDays(36500), Clock.systemUTC());
                    try {
                        c = OpenSslCredentialBuilder.forX509(g.keyPair().getPrivate(), new X509Certificate[] {g.certificate()})
                                .mustMatchIssuer(true).build();
                    } catch (Exception e) {
                        throw new SSLException("building the no-certificate credential failed", e);
                    }
                    credential = c;
                }
            }
        }
        return c;
    }
}
