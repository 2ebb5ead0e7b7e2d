package io.ccsfront.cert;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.sec.ECPrivateKey;

/**
 * What the format readers found in one or two files, in file order: certificates, private
 * keys and warnings. {@code where} prefixes every message ("www.contoso.com.pfx: ").
 */
final class Found {

    final String where;
    final List<X509Certificate> certificates = new ArrayList<>();
    final List<PrivateKey> keys = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** SEC1 EC keys that name no curve (Bouncy Castle writes them so); resolved against the certificates. */
    final List<ECPrivateKey> curvelessEcKeys = new ArrayList<>();

    Found(String where) {
        this.where = where;
    }

    void certificate(byte[] der) {
        try {
            certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            throw new UnreadableCertificateException(where + "a certificate cannot be parsed (" + oneLine(e) + ")");
        }
    }

    void key(PrivateKey key) {
        keys.add(key);
    }

    void curvelessEcKey(ECPrivateKey key) {
        curvelessEcKeys.add(key);
    }

    /** Turns each curveless EC key into a key on the curve of the certificate it belongs to. */
    void resolveCurvelessKeys() {
        for (ECPrivateKey sec1 : curvelessEcKeys) {
            PrivateKey resolved = null;
            for (X509Certificate c : certificates) {
                resolved = Keys.onCurveOf(sec1, c.getPublicKey());
                if (resolved != null) {
                    break;
                }
            }
            if (resolved == null) {
                throw new UnreadableCertificateException(where + "the EC private key names no curve and matches no certificate");
            }
            keys.add(resolved);
        }
        curvelessEcKeys.clear();
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Adds everything {@code other} found to this. */
    Found merge(Found other) {
        certificates.addAll(other.certificates);
        keys.addAll(other.keys);
        curvelessEcKeys.addAll(other.curvelessEcKeys);
        warnings.addAll(other.warnings);
        return this;
    }

    /** {@code "name: "}, or nothing when there is no name. */
    static String where(String name) {
        return name == null || name.isBlank() ? "" : name.strip() + ": ";
    }

    /** A library exception as one short line: its first message line, or its type. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        String line = (nl < 0 ? m : m.substring(0, nl)).strip();
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
