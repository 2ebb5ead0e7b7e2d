package io.ccsfront.name;

import java.net.IDN;
import java.util.Locale;

/**
 * Hostname normalisation, as SPEC.md §2 applies it to the SNI name and to every configured
 * hostname: lower case, one trailing dot removed, internationalised names converted to their
 * A-label (punycode) form. A name that is not a valid DNS name afterwards is rejected.
 *
 * <p>Valid means: 1–253 characters, labels of 1–63 letters, digits and hyphens, no label
 * starting or ending with a hyphen, and a last label that is not all digits (so an IP literal
 * is never a hostname; RFC 6066 forbids IP literals in SNI).
 *
 * <p>{@link #normalize(String)} is on the per-handshake path: for the common case (an already
 * lower-case ASCII name) it returns its argument without allocating.
 */
public final class HostNames {

    public static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private HostNames() {
    }

    /**
     * Normalises {@code name}, or returns {@code null} when it is absent or not a valid DNS name.
     */
    public static String normalize(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        String s = name;
        if (s.length() > 1 && s.charAt(s.length() - 1) == '.') {
            s = s.substring(0, s.length() - 1);
        }
        if (!isAsciiLowerLdh(s)) {
            s = toAsciiLower(s);
            if (s == null) {
                return null;
            }
        }
        return isValid(s) ? s : null;
    }

    /** Like {@link #normalize(String)} but throws with the offending value instead of returning null. */
    public static String require(String name, String field) {
        String n = normalize(name);
        if (n == null) {
            throw new IllegalArgumentException(field + " is not a valid DNS hostname: " + name);
        }
        return n;
    }

    /** The parent domain of a normalised name ({@code b.c} for {@code a.b.c}), or null for one label. */
    public static String parent(String normalized) {
        int dot = normalized.indexOf('.');
        return dot < 0 ? null : normalized.substring(dot + 1);
    }

    /** Whether a normalised name is valid: the checks {@link #normalize} applies last. */
    static boolean isValid(String s) {
        int len = s.length();
        if (len == 0 || len > MAX_LENGTH) {
            return false;
        }
        int labelStart = 0;
        boolean lastLabelAllDigits = true;
        for (int i = 0; i <= len; i++) {
            if (i == len || s.charAt(i) == '.') {
                int labelLen = i - labelStart;
                if (labelLen == 0 || labelLen > MAX_LABEL) {
                    return false;
                }
                if (s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                lastLabelAllDigits = true;
                for (int j = labelStart; j < i; j++) {
                    char c = s.charAt(j);
                    if (c < '0' || c > '9') {
                        lastLabelAllDigits = false;
                    }
                }
                labelStart = i + 1;
            } else {
                char c = s.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return false;
                }
            }
        }
        return !lastLabelAllDigits;
    }

    private static boolean isAsciiLowerLdh(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String toAsciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                try {
                    return IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
