package io.ccsfront.cert;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A certificate request waiting for its certificate (IIS "Create Certificate Request"): the
 * PKCS#10 CSR, and the private key sealed under the master key until "Complete Certificate
 * Request" installs the issued certificate.
 *
 * <p>{@code id} is the SHA-1 over the request's SubjectPublicKeyInfo: the issued certificate is
 * matched to its request by that value.
 */
public record PendingRequest(Thumbprint id, String subject, List<String> sans, String keySpec, byte[] csrDer,
                             SealedKey key, Instant created) {

    public PendingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        sans = List.copyOf(sans);
        Objects.requireNonNull(keySpec, "keySpec");
        csrDer = Objects.requireNonNull(csrDer, "csrDer").clone();
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(created, "created");
    }

    @Override
    public byte[] csrDer() {
        return csrDer.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingRequest p && id.equals(p.id) && subject.equals(p.subject) && sans.equals(p.sans)
                && keySpec.equals(p.keySpec) && Arrays.equals(csrDer, p.csrDer) && key.equals(p.key)
                && created.equals(p.created);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PendingRequest[" + id + " " + subject + " " + keySpec + "]";
    }
}
