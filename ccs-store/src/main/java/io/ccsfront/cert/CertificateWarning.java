package io.ccsfront.cert;

import java.util.Objects;

/**
 * Something an operator should know about a certificate before binding it: a {@link Code} for
 * programs and a one-line message for people.
 */
public record CertificateWarning(Code code, String message) {

    /** The kinds of warning. */
    public enum Code {
        /** Its not-after date has passed. */
        EXPIRED,
        /** Its not-before date has not come yet. */
        NOT_YET_VALID,
        /** An RSA key below 2048 bits. */
        WEAK_RSA,
        /** Issued by a CA whose certificate is not in the chain: clients may not find an intermediate. */
        CHAIN_INCOMPLETE,
        /** It has an extended key usage extension without serverAuth (or anyExtendedKeyUsage). */
        NO_SERVER_AUTH,
        /** Self-signed: browsers will not trust it. */
        SELF_SIGNED
    }

    public CertificateWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (message.isBlank() || message.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("warning message must be one non-empty line: " + message);
        }
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
