package io.ccsfront.cert;

/** A PFX or an encrypted PEM key could not be opened: the password is wrong or was not given. */
public final class WrongPasswordException extends CertificateProblem {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException(String message) {
        super(message);
    }
}
