package io.ccsfront.cert;

/**
 * Base of the named certificate failures. Messages are one line and name the offending value;
 * the CLI maps each subtype to an exit code and prints only the message.
 */
public class CertificateProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CertificateProblem(String message) {
        super(message);
    }

    public CertificateProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
