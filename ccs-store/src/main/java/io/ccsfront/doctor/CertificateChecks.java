package io.ccsfront.doctor;

import io.ccsfront.binding.SslBinding;
import io.ccsfront.cert.CertificateSummary;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.name.CcsKeys;
import io.ccsfront.selection.CertificateHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Findings about the certificates themselves, wherever they are used: every
 * {@code ipport}/{@code hostnameport} binding (whether or not a site uses it) and every CCS
 * entry. Missing, keyless or broken-key certificates, validity, and CCS entries filed under a
 * name their certificate does not cover.
 */
final class CertificateChecks {

    private CertificateChecks() {
    }

    static void check(ConfigSnapshot s, Clock clock, Duration window, CertificateHealth health, List<Finding> out) {
        for (SslBinding b : s.bindings()) {
            if (b.certHash() == null) {
                continue;
            }
            StoredCertificate c = s.certificate(b.certStoreName(), b.certHash());
            String key = b.key().toString();
            if (c == null) {
                out.add(new Finding(Severity.ERROR, FindingCode.CERT_MISSING, null, key, b.certHash().hex(), null,
                        key + " names certificate " + b.certHash() + ", which store " + b.certStoreName()
                                + " does not hold; handshakes that reach this binding fail.",
                        "import the certificate with its private key into store " + b.certStoreName()
                                + ", or point the binding at another: sslcert update " + key + " certhash=<thumbprint>."));
            } else {
                state(c, key, key, null, clock, window, health, out);
            }
        }
        s.forEachCcs((k, c) -> {
            String where = "CCS entry " + k;
            state(c, where, null, k, clock, window, health, out);
            if (!coversOwnKey(c.summary(), k)) {
                out.add(new Finding(Severity.ERROR, FindingCode.CCS_NAME_MISMATCH, null, null, c.thumbprint().hex(), k,
                        where + " holds certificate " + c.thumbprint() + " (" + String.join(", ", c.summary().names())
                                + "), which does not cover " + CcsKeys.displayName(k) + ".",
                        "put a certificate for " + CcsKeys.displayName(k) + " under " + k
                                + ", or file this certificate under the name it covers."));
            }
        });
    }

    /** An exact key must be covered; a {@code _.} key needs the certificate's {@code *.} name itself. */
    static boolean coversOwnKey(CertificateSummary c, String key) {
        if (CcsKeys.isWildcard(key)) {
            return c.names().contains(CcsKeys.displayName(key));
        }
        return c.covers(key);
    }

    private static void state(StoredCertificate c, String where, String binding, String host, Clock clock, Duration window,
                              CertificateHealth health, List<Finding> out) {
        String tp = c.thumbprint().hex();
        String it = where + " holds certificate " + tp + " (" + c.summary().label() + ")";
        if (!c.hasPrivateKey()) {
            out.add(new Finding(Severity.ERROR, FindingCode.PRIVATE_KEY_MISSING, null, binding, tp, host,
                    it + ", which has no private key: handshakes that reach it fail.",
                    "re-import the certificate from a PFX that includes its private key (export it with the key)."));
        } else {
            String problem = health.problem(c.thumbprint());
            if (problem != null) {
                out.add(new Finding(Severity.ERROR, FindingCode.PRIVATE_KEY_UNUSABLE, null, binding, tp, host,
                        it + ", whose private key is unusable: " + problem + ".",
                        "re-import the certificate from its PFX, and check the master key that sealed it."));
            }
        }
        Instant now = clock.instant();
        CertificateSummary sum = c.summary();
        if (sum.isExpired(clock)) {
            out.add(new Finding(Severity.ERROR, FindingCode.CERT_EXPIRED, null, binding, tp, host,
                    it + ", which expired on " + day(sum.notAfter()) + ".",
                    "renew it and rotate: ccsctl rotate " + tp + " <new thumbprint>."));
        } else if (sum.isNotYetValid(clock)) {
            out.add(new Finding(Severity.ERROR, FindingCode.CERT_NOT_YET_VALID, null, binding, tp, host,
                    it + ", which is not valid before " + day(sum.notBefore()) + ".",
                    "keep the previous certificate bound until then, and check the nodes' clocks."));
        } else if (sum.expiresWithin(clock, window)) {
            long days = (Duration.between(now, sum.notAfter()).toSeconds() + 86_399) / 86_400; // started days count
            out.add(new Finding(Severity.WARNING, FindingCode.CERT_EXPIRING, null, binding, tp, host,
                    it + ", which expires on " + day(sum.notAfter()) + " (in " + days + (days == 1 ? " day)." : " days)."),
                    "renew it before " + day(sum.notAfter()) + " and rotate: ccsctl rotate " + tp + " <new thumbprint>."));
        }
    }

    private static String day(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
