package io.ccsfront.cert;

import java.util.Objects;

/**
 * "Complete Certificate Request" was given a certificate whose public key belongs to none of
 * the pending requests (issued for another request, another server, or already completed).
 */
public final class NoMatchingRequestException extends CertificateProblem {

    private static final long serialVersionUID = 1L;

    private final Thumbprint thumbprint;

    public NoMatchingRequestException(Thumbprint thumbprint, String subject, int pendingCount) {
        super("no pending certificate request matches certificate " + Objects.requireNonNull(thumbprint, "thumbprint")
                + " (" + subject + "): its public key is in none of the " + pendingCount + " pending request(s)");
        this.thumbprint = thumbprint;
    }

    /** The issued certificate that matched nothing. */
    public Thumbprint thumbprint() {
        return thumbprint;
    }
}
