package io.ccsfront.cert;

/**
 * A certificate file cannot be read: empty, truncated, corrupt, of an unknown format, or not
 * holding what the operation needs (no certificate, several private keys).
 */
public final class UnreadableCertificateException extends CertificateProblem {

    private static final long serialVersionUID = 1L;

    public UnreadableCertificateException(String message) {
        super(message);
    }

    public UnreadableCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
