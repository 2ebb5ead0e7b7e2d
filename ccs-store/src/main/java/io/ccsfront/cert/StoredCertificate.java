package io.ccsfront.cert;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A certificate as the configuration holds it: the chain as DER (leaf first), its
 * {@link CertificateSummary}, and its private key sealed under the master key (or none).
 *
 * <p>Compact on purpose (100,000 of these live on every node): parsed {@link X509Certificate}
 * objects and opened keys exist only in the front end's bounded TLS cache. Equality covers the
 * chain bytes and the sealed key, so two nodes that applied the same changes hold equal values.
 * {@link #toString()} never shows key material.
 */
public final class StoredCertificate {

    private final CertificateSummary summary;
    private final byte[][] chain;
    private final SealedKey key;

    private StoredCertificate(CertificateSummary summary, byte[][] chain, SealedKey key) {
        this.summary = summary;
        this.chain = chain;
        this.key = key;
    }

    /** Seals {@code key} (may be null) with {@code protector} and keeps the chain as DER. */
    public static StoredCertificate of(List<X509Certificate> chain, PrivateKey key, KeyProtector protector) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        CertificateSummary summary = CertificateSummary.of(chain.get(0));
        byte[][] der = new byte[chain.size()][];
        try {
            for (int i = 0; i < der.length; i++) {
                der[i] = chain.get(i).getEncoded();
            }
        } catch (CertificateEncodingException e) {
            throw new CertificateProblem("certificate cannot be encoded: " + e.getMessage(), e);
        }
        SealedKey sealed = key == null ? null : protector.seal(key, summary.thumbprint());
        return new StoredCertificate(summary, der, sealed);
    }

    /** Rebuilds a stored certificate from its parts (storage and replication use this). */
    public static StoredCertificate restore(List<byte[]> chainDer, SealedKey key) {
        if (chainDer == null || chainDer.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        byte[][] der = chainDer.stream().map(byte[]::clone).toArray(byte[][]::new);
        CertificateSummary summary = CertificateSummary.of(parse(der[0]));
        return new StoredCertificate(summary, der, key);
    }

    public CertificateSummary summary() {
        return summary;
    }

    public Thumbprint thumbprint() {
        return summary.thumbprint();
    }

    public boolean hasPrivateKey() {
        return key != null;
    }

    /** The sealed key, or null. */
    public SealedKey sealedKey() {
        return key;
    }

    public int chainLength() {
        return chain.length;
    }

    /** DER of the chain element {@code i} (0 = leaf); a copy. */
    public byte[] der(int i) {
        return chain[i].clone();
    }

    public List<byte[]> chainDer() {
        List<byte[]> out = new ArrayList<>(chain.length);
        for (byte[] d : chain) {
            out.add(d.clone());
        }
        return out;
    }

    /** Parses the chain (leaf first). */
    public List<X509Certificate> decodeChain() {
        List<X509Certificate> out = new ArrayList<>(chain.length);
        for (byte[] d : chain) {
            out.add(parse(d));
        }
        return out;
    }

    /** Opens the private key; throws {@link KeyUnavailableException} when there is none or it cannot be opened. */
    public PrivateKey openKey(KeyProtector protector) {
        if (key == null) {
            throw new KeyUnavailableException(thumbprint(), "the certificate has no private key");
        }
        return protector.open(key, thumbprint());
    }

    /** The same certificate with its key re-sealed under {@code protector}'s current master key. */
    public StoredCertificate reseal(KeyProtector from, KeyProtector to) {
        if (key == null || key.keyId().equals(to.currentKeyId())) {
            return this;
        }
        return new StoredCertificate(summary, chain, to.seal(from.open(key, thumbprint()), thumbprint()));
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new CertificateProblem("stored certificate cannot be parsed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof StoredCertificate s && summary.thumbprint().equals(s.summary.thumbprint())
                && Arrays.deepEquals(chain, s.chain) && Objects.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return summary.thumbprint().hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[" + thumbprint() + " " + summary.label() + (key == null ? ", no private key" : ", with private key") + "]";
    }
}
