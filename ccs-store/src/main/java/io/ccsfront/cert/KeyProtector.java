package io.ccsfront.cert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens private keys with AES-256-GCM under the cluster master key.
 *
 * <p>The ciphertext is bound to the certificate's thumbprint (GCM associated data), so a
 * sealed key cannot be moved to another certificate. Several master keys can be loaded; new
 * keys are sealed under the {@linkplain #currentKeyId() current} one and older ones still open
 * what they sealed, which is how the master key is rotated.
 */
public final class KeyProtector {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private KeyProtector(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** A protector with one 32-byte master key (the current one) and any number of retired ones. */
    public static KeyProtector of(byte[] current, byte[]... retired) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String id = put(keys, current);
        for (byte[] old : retired) {
            put(keys, old);
        }
        return new KeyProtector(id, Map.copyOf(keys));
    }

    /** A fresh random 32-byte master key. */
    public static byte[] newMasterKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The id of a master key: the first 16 hex digits of SHA-256 over it (not secret). */
    public static String keyId(byte[] masterKey) {
        return HexFormat.of().formatHex(Thumbprint.digest("SHA-256", masterKey), 0, 8);
    }

    public String currentKeyId() {
        return currentId;
    }

    public boolean canOpen(SealedKey key) {
        return keys.containsKey(key.keyId());
    }

    /** Seals {@code key} for the certificate {@code owner}. */
    public SealedKey seal(PrivateKey key, Thumbprint owner) {
        Objects.requireNonNull(key, "key");
        byte[] pkcs8 = key.getEncoded();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.hex().getBytes(StandardCharsets.US_ASCII));
            byte[] ct = cipher.doFinal(pkcs8);
            byte[] out = new byte[NONCE_BYTES + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
            return new SealedKey(currentId, key.getAlgorithm(), out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Opens a sealed key; throws {@link KeyUnavailableException} when it cannot. */
    public PrivateKey open(SealedKey sealed, Thumbprint owner) {
        SecretKeySpec master = keys.get(sealed.keyId());
        if (master == null) {
            throw new KeyUnavailableException(owner, "sealed under master key " + sealed.keyId() + ", which this node does not have");
        }
        byte[] data = sealed.sealedNoCopy();
        byte[] pkcs8 = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(owner.hex().getBytes(StandardCharsets.US_ASCII));
            pkcs8 = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return KeyFactory.getInstance(sealed.algorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException(owner, "sealed key does not open (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    /**
     * HMAC-SHA256 of {@code data} under a key derived from master key {@code keyId} for
     * {@code purpose} (e.g. "journal"): authenticates what nodes exchange through the cluster,
     * which has no transport security in Hazelcast's open-source edition. Null when this node
     * does not have that master key.
     */
    public byte[] mac(String keyId, String purpose, byte[] data) {
        SecretKeySpec master = keys.get(keyId);
        if (master == null) {
            return null;
        }
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(master.getEncoded(), "HmacSHA256"));
            byte[] sub = derive.doFinal(("ccsfront:" + purpose).getBytes(StandardCharsets.US_ASCII));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sub, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Seals arbitrary secret bytes (session-ticket keys) under the current master key, bound to {@code purpose}. */
    public byte[] sealBytes(byte[] secret, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = cipher.doFinal(secret);
            byte[] id = currentId.getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[1 + id.length + NONCE_BYTES + ct.length];
            out[0] = (byte) id.length;
            System.arraycopy(id, 0, out, 1, id.length);
            System.arraycopy(nonce, 0, out, 1 + id.length, NONCE_BYTES);
            System.arraycopy(ct, 0, out, 1 + id.length + NONCE_BYTES, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** Opens what {@link #sealBytes} sealed; throws {@link IllegalArgumentException} when it cannot. */
    public byte[] openBytes(byte[] sealed, String purpose) {
        try {
            int idLen = sealed[0];
            String id = new String(sealed, 1, idLen, StandardCharsets.US_ASCII);
            SecretKeySpec master = keys.get(id);
            if (master == null) {
                throw new IllegalArgumentException("sealed under master key " + id + ", which this node does not have");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BITS, sealed, 1 + idLen, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.US_ASCII));
            int off = 1 + idLen + NONCE_BYTES;
            return cipher.doFinal(sealed, off, sealed.length - off);
        } catch (GeneralSecurityException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("sealed secret does not open (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String put(Map<String, SecretKeySpec> keys, byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("master key must be 32 bytes: " + (key == null ? "null" : key.length + " bytes"));
        }
        String id = keyId(key);
        keys.put(id, new SecretKeySpec(key.clone(), "AES"));
        return id;
    }
}
