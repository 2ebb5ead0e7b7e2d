package io.ccsfront.cert;

import java.util.Objects;

/** A private key that does not belong to the certificate it came with. */
public final class KeyMismatchException extends CertificateProblem {

    private static final long serialVersionUID = 1L;

    private final Thumbprint thumbprint;

    public KeyMismatchException(Thumbprint thumbprint, String subject) {
        super("private key does not match the public key of certificate " + Objects.requireNonNull(thumbprint, "thumbprint")
                + " (" + subject + ")");
        this.thumbprint = thumbprint;
    }

    /** The certificate the key was supposed to belong to. */
    public Thumbprint thumbprint() {
        return thumbprint;
    }
}
