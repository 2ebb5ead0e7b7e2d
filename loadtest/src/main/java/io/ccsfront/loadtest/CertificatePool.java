package io.ccsfront.loadtest;

import io.ccsfront.cert.KeyProtector;
import io.ccsfront.cert.SelfSignedCertificates;
import io.ccsfront.cert.StoredCertificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small pool of real certificates (ECDSA P-256, self-signed, with a private key sealed under a
 * throw-away master key), reused across the benchmark's 110,000 table entries: generating one
 * certificate per entry would take minutes, and the selector never looks at a certificate's
 * names, only at whether its store holds it and whether it has a key.
 */
final class CertificatePool {

    private final List<StoredCertificate> certificates;

    private CertificatePool(List<StoredCertificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    /** Generates {@code size} certificates named {@code pool-<i>.bench.example}. */
    static CertificatePool generate(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("certificate pool size must be positive: " + size);
        }
        KeyProtector protector = KeyProtector.of(KeyProtector.newMasterKey());
        Clock clock = Clock.systemUTC();
        List<StoredCertificate> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = "pool-" + i + ".bench.example";
            out.add(SelfSignedCertificates.create(name, List.of(name), Duration.ofDays(365), clock).stored(protector));
        }
        return new CertificatePool(out);
    }

    /** The certificate for table entry {@code i} (round robin over the pool). */
    StoredCertificate get(int i) {
        return certificates.get(Math.floorMod(i, certificates.size()));
    }

    List<StoredCertificate> all() {
        return certificates;
    }

    int size() {
        return certificates.size();
    }
}
