package io.ccsfront.cert;

/** A certificate's private key exists but cannot be used (wrong master key, corrupt, unparseable). */
public final class KeyUnavailableException extends CertificateProblem {

    private final Thumbprint thumbprint;

    public KeyUnavailableException(Thumbprint thumbprint, String why) {
        super("private key of " + thumbprint + " is unusable: " + why);
        this.thumbprint = thumbprint;
    }

    public Thumbprint thumbprint() {
        return thumbprint;
    }
}
