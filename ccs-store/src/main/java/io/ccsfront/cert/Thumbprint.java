package io.ccsfront.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A certificate's identity: SHA-1 over its DER encoding, as {@code certutil} prints it
 * ("Cert Hash(sha1)") and as {@code netsh http add sslcert certhash=} expects it.
 *
 * <p>{@link #parse(String)} accepts any case, embedded spaces and colons, and the invisible
 * direction marks Windows' certificate dialog inserts when a thumbprint is copied from it.
 * {@link #toString()} prints 40 upper-case hex digits.
 */
public record Thumbprint(String hex) implements Comparable<Thumbprint> {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    public Thumbprint {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 40 || !isUpperHex(hex)) {
            throw new IllegalArgumentException("certhash must be 40 hex digits: " + hex);
        }
    }

    /** Parses a thumbprint typed by a person: any case, spaces, colons and direction marks allowed. */
    public static Thumbprint parse(String text) {
        Objects.requireNonNull(text, "certhash");
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == ':' || c == '\t' || c == '\u200e' || c == '\u200f' || c == '\ufeff') {
                continue;
            }
            sb.append(Character.toUpperCase(c));
        }
        String hex = sb.toString();
        if (hex.length() != 40 || !isUpperHex(hex)) {
            throw new IllegalArgumentException("certhash must be 40 hex digits: " + text.strip());
        }
        return new Thumbprint(hex);
    }

    /** The thumbprint of a DER-encoded certificate. */
    public static Thumbprint of(byte[] der) {
        return new Thumbprint(UPPER.formatHex(digest("SHA-1", der)));
    }

    /** SHA-256 over the DER encoding, 64 upper-case hex digits (shown beside the thumbprint). */
    public static String sha256(byte[] der) {
        return UPPER.formatHex(digest("SHA-256", der));
    }

    /** The certutil layout: pairs of hex digits separated by spaces. */
    public String spaced() {
        StringBuilder sb = new StringBuilder(59);
        for (int i = 0; i < 40; i += 2) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Thumbprint o) {
        return hex.compareTo(o.hex);
    }

    @Override
    public String toString() {
        return hex;
    }

    private static boolean isUpperHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
