package io.ccsfront.binding;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificate store names. Windows treats them case-insensitively; {@code MY} and
 * {@code WebHosting} always exist. Names are 1–64 letters, digits, '-' or '_'.
 */
public final class CertStoreNames {

    public static final String MY = "MY";
    public static final String WEB_HOSTING = "WebHosting";

    private CertStoreNames() {
    }

    /** The canonical spelling: {@code my} → {@code MY}, {@code webhosting} → {@code WebHosting}, others as given. */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return MY;
        }
        String s = name.strip();
        if (s.length() > 64 || !s.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            throw new IllegalArgumentException("certstorename must be 1-64 letters, digits, '-' or '_': " + name);
        }
        if (s.equalsIgnoreCase(MY)) {
            return MY;
        }
        if (s.equalsIgnoreCase(WEB_HOSTING)) {
            return WEB_HOSTING;
        }
        return s;
    }

    /** The key stores are indexed by (case-insensitive). Memoised: it runs on the per-handshake path. */
    public static String key(String name) {
        if (name == null) {
            return MY;
        }
        String k = KEYS.get(name);
        if (k == null) {
            k = normalize(name).toUpperCase(Locale.ROOT);
            if (KEYS.size() < 1024) {
                KEYS.put(name, k);
            }
        }
        return k;
    }

    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
}
