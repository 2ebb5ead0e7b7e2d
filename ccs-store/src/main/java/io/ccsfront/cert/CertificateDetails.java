package io.ccsfront.cert;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything {@code certutil -dump} and the IIS certificate dialog show of a certificate, and
 * the {@link CertificateWarning}s an operator should see before binding it. Computed on
 * demand from the chain (leaf first); the hot paths keep only {@link CertificateSummary}.
 *
 * @param thumbprint   SHA-1 over the leaf's DER
 * @param sha256       SHA-256 over the leaf's DER, 64 upper-case hex digits
 * @param serialNumber upper-case hex, whole bytes
 * @param dnsNames     the SAN dNSName entries as written in the certificate
 * @param ipAddresses  the SAN iPAddress entries
 * @param keyAlgorithm "RSA", "EC", "Ed25519", ...
 * @param keyBits      RSA modulus bits or EC curve bits
 * @param chain        each element's subject and thumbprint, leaf first
 */
public record CertificateDetails(Thumbprint thumbprint, String sha256, String subject, String issuer, String serialNumber,
                                 List<String> dnsNames, List<String> ipAddresses, Instant notBefore, Instant notAfter,
                                 String keyAlgorithm, int keyBits, boolean hasPrivateKey, List<ChainElement> chain,
                                 List<CertificateWarning> warnings) {

    /** One certificate of the chain. */
    public record ChainElement(String subject, Thumbprint thumbprint) {
        public ChainElement {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(thumbprint, "thumbprint");
        }
    }

    public CertificateDetails {
        Objects.requireNonNull(thumbprint, "thumbprint");
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits: " + sha256);
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        if (keyBits < 0) {
            throw new IllegalArgumentException("keyBits must not be negative: " + keyBits);
        }
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain is empty");
        }
        warnings = List.copyOf(warnings);
    }

    /** The details of {@code chain} (leaf first); warnings judged at {@code clock}'s now. */
    public static CertificateDetails of(List<X509Certificate> chain, boolean hasPrivateKey, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        X509Certificate leaf = chain.get(0);
        byte[] der = Thumbprints.der(leaf);
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        sans(leaf, dns, ips);
        List<ChainElement> elements = new ArrayList<>();
        for (X509Certificate c : chain) {
            elements.add(new ChainElement(c.getSubjectX500Principal().getName(), Thumbprints.of(c)));
        }
        PublicKey key = leaf.getPublicKey();
        return new CertificateDetails(Thumbprint.of(der), Thumbprint.sha256(der), leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), serialHex(leaf.getSerialNumber()), dns, ips,
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), WarningRules.keyAlgorithm(key),
                WarningRules.keyBits(key), hasPrivateKey, elements, WarningRules.check(chain, clock));
    }

    /** The details of a stored certificate. */
    public static CertificateDetails of(StoredCertificate stored, Clock clock) {
        return of(stored.decodeChain(), stored.hasPrivateKey(), clock);
    }

    /** Whether a warning of {@code code} applies. */
    public boolean has(CertificateWarning.Code code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }

    /** "RSA 2048", "EC 256". */
    public String keyDescription() {
        return keyBits == 0 ? keyAlgorithm : keyAlgorithm + " " + keyBits;
    }

    static String serialHex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }

    private static void sans(X509Certificate leaf, List<String> dns, List<String> ips) {
        Collection<List<?>> sans;
        try {
            sans = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateProblem("subject alternative names of " + Thumbprints.of(leaf) + " cannot be read: "
                    + Found.oneLine(e), e);
        }
        if (sans == null) {
            return;
        }
        for (List<?> san : sans) {
            Object type = san.get(0);
            Object value = san.get(1);
            if (Integer.valueOf(2).equals(type) && value instanceof String s) {
                dns.add(s);
            } else if (Integer.valueOf(7).equals(type) && value instanceof String s) {
                ips.add(s);
            }
        }
    }
}
