package io.ccsfront.cert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A certificate read from a file by {@link CertificateImporter} or completed by
 * {@link CertificateRequests#complete}: the chain leaf first, the private key (or null) and
 * what the reader noticed about the file (ignored blocks, certificates outside the chain).
 *
 * <p>{@link #toString()} never shows key material.
 */
public record ImportedCertificate(List<X509Certificate> chain, PrivateKey privateKey, List<String> warnings) {

    public ImportedCertificate {
        chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public Thumbprint thumbprint() {
        return Thumbprints.of(leaf());
    }

    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    /** The certificate as the configuration holds it, its key sealed with {@code protector}. */
    public StoredCertificate toStored(KeyProtector protector) {
        Objects.requireNonNull(protector, "protector");
        return StoredCertificate.of(chain, privateKey, protector);
    }

    /** What certutil and the IIS dialog show of it, with warnings judged at {@code clock}'s now. */
    public CertificateDetails details(Clock clock) {
        return CertificateDetails.of(chain, hasPrivateKey(), clock);
    }

    @Override
    public String toString() {
        return "ImportedCertificate[" + thumbprint() + " " + leaf().getSubjectX500Principal().getName()
                + ", chain of " + chain.size() + (privateKey == null ? ", no private key" : ", with private key")
                + (warnings.isEmpty() ? "" : ", warnings " + warnings) + "]";
    }
}
