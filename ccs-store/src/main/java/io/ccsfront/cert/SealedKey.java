package io.ccsfront.cert;

import java.util.Arrays;
import java.util.Objects;

/**
 * A private key as it is held everywhere outside the TLS engine: PKCS#8 encrypted with
 * AES-256-GCM under a cluster master key ({@link KeyProtector}). {@code keyId} names the
 * master key so that master keys can be rotated; {@code algorithm} is the key's algorithm
 * ({@code EC}, {@code RSA}) and is not secret.
 *
 * <p>{@link #toString()} never shows the ciphertext.
 */
public record SealedKey(String keyId, String algorithm, byte[] sealed) {

    public SealedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < KeyProtector.NONCE_BYTES + 16) {
            throw new IllegalArgumentException("sealed key too short: " + sealed.length + " bytes");
        }
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    byte[] sealedNoCopy() {
        return sealed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedKey k && keyId.equals(k.keyId) && algorithm.equals(k.algorithm)
                && Arrays.equals(sealed, k.sealed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm) * 31 + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "SealedKey[" + algorithm + ", master key " + keyId + "]";
    }
}
