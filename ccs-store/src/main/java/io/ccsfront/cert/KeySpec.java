package io.ccsfront.cert;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The key of a new certificate request or self-signed certificate, written as the CLI takes it:
 * {@code rsa:2048}, {@code rsa:3072}, {@code rsa:4096}, {@code ec:p256}, {@code ec:p384}.
 */
public enum KeySpec {
    RSA_2048("rsa:2048", "RSA", 2048, "SHA256withRSA"),
    RSA_3072("rsa:3072", "RSA", 3072, "SHA256withRSA"),
    RSA_4096("rsa:4096", "RSA", 4096, "SHA256withRSA"),
    EC_P256("ec:p256", "EC", 256, "SHA256withECDSA"),
    EC_P384("ec:p384", "EC", 384, "SHA384withECDSA");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final String algorithm;
    private final int bits;
    private final String signatureAlgorithm;

    KeySpec(String text, String algorithm, int bits, String signatureAlgorithm) {
        this.text = text;
        this.algorithm = algorithm;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** Parses {@code rsa:2048} etc., any case, surrounding spaces ignored. */
    public static KeySpec parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (KeySpec k : values()) {
            if (k.text.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("key spec must be one of "
                + Arrays.stream(values()).map(KeySpec::text).collect(Collectors.joining(", ")) + ": " + text);
    }

    /** The form {@link #parse} takes: {@code rsa:2048}. */
    public String text() {
        return text;
    }

    /** "RSA" or "EC". */
    public String algorithm() {
        return algorithm;
    }

    /** RSA modulus bits or EC curve bits. */
    public int bits() {
        return bits;
    }

    /** What signs a CSR or self-signed certificate with this key: SHA-256, or SHA-384 for P-384. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** A fresh key pair. */
    KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                g.initialize(new ECGenParameterSpec(bits == 256 ? "secp256r1" : "secp384r1"), RANDOM);
            } else {
                g.initialize(bits, RANDOM);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(text + " key generation failed", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
